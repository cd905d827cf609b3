package org.quarry.http;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The host names a request's {@code Host} header may carry for the address the server is bound to.
 * A page on another site that rebinds its own DNS name to 127.0.0.1 still sends its own name in
 * {@code Host}, so refusing unknown names stops it reading the study (DNS rebinding).
 */
final class AllowedHosts {
  private final Set<String> names;

  private AllowedHosts(Set<String> names) {
    this.names = names;
  }

  /**
   * Loopback and a named address accept only themselves (and loopback's usual names); a wildcard
   * bind accepts the machine's own interface addresses and host name too, being reachable by them.
   */
  static AllowedHosts forBind(String bind) {
    Set<String> names = new HashSet<>();
    names.add(normalise(bind));
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      return new AllowedHosts(names);
    }
    names.add(normalise(address.getHostAddress()));
    if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
      names.addAll(Set.of("localhost", "127.0.0.1", "::1"));
    }
    if (address.isAnyLocalAddress()) {
      try {
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
          for (InetAddress a : Collections.list(ni.getInetAddresses())) {
            names.add(normalise(a.getHostAddress()));
          }
        }
        InetAddress local = InetAddress.getLocalHost();
        names.add(normalise(local.getHostName()));
        names.add(normalise(local.getCanonicalHostName()));
      } catch (SocketException | UnknownHostException e) {
        // what could not be listed is refused; loopback names still work
      }
    }
    return new AllowedHosts(names);
  }

  /** Whether {@code host} (no port; IPv6 with or without brackets) names this server. */
  boolean allows(String host) {
    return host != null && names.contains(normalise(host));
  }

  private static String normalise(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    int zone = h.indexOf('%');
    if (zone >= 0) {
      h = h.substring(0, zone);
    }
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    return h.equals("0:0:0:0:0:0:0:1") ? "::1" : h;
  }
}
