/** The local HTTP/JSON API and its web page, on the JDK HTTP server. No Lucene classes. */
package org.quarry.http;
