package org.quarry.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The words of the scale benchmark's synthetic corpus, ranked, drawn with Zipf's law (the word of
 * rank r with weight 1/r): function words first, as in any English text, then health-services terms
 * and multi-word phrases mixed with general words and their inflections, so a corpus has the long
 * tail of rare words that sizes an index's term dictionary.
 */
public final class ZipfVocabulary {
  private static final String FUNCTION =
      "the and to of a i in that it was is you we they for but so on with be have my this not"
          + " what at there as had just all were he she them me do if about would or from when"
          + " very like are been an by our can one think know because then their out up really"
          + " get more no some could which who how time said didn't don't it's i'm there's go got"
          + " going other also much well yes only people than after before into over any even"
          + " still never always again back being through quite lot those these";

  private static final String GENERAL =
      "day week month year home family friend work job money phone call letter form answer"
          + " question problem help support worry stress anxiety pain sleep food house car bus"
          + " train walk hour morning evening night weekend change choice decision reason"
          + " experience feeling information advice message email website system process"
          + " place room door queue desk name number address date list plan report meeting"
          + " team manager staff colleague neighbour child parent mother father husband wife"
          + " son daughter carer partner story example point side part end start way life"
          + " health mind body heart leg back hand head chest skin eye ear tooth weight diet"
          + " exercise smoking alcohol drink test result scan letterbox paperwork record note"
          + " language interpreter transport parking distance cost bill benefit council housing"
          + " school college community village town city area region country service";

  private static final String VERBS =
      "wait ask tell explain listen understand feel need want try help call book cancel"
          + " change move see visit check treat refer discharge admit prescribe manage cope"
          + " worry struggle complain expect hope remember forget decide agree arrange share"
          + " talk speak write read collect deliver contact chase follow improve deal sort";

  private static final String ADJECTIVES =
      "good bad long short kind rude helpful clear confusing quick slow busy late early"
          + " difficult easy hard simple friendly caring professional anxious worried happy"
          + " grateful frustrated angry upset scared lonely different same whole local private"
          + " urgent routine regular new old young elderly vulnerable poor excellent terrible";

  private static final String DOMAIN =
      "gp nurse doctor consultant surgeon pharmacist physiotherapist midwife paramedic"
          + " receptionist practice surgery clinic hospital ward ambulance pharmacy appointment"
          + " referral prescription medication diagnosis treatment operation procedure therapy"
          + " follow-up triage admission discharge outpatient inpatient commissioner icb ics pcn"
          + " stp ccg trust nhs 111 999 telehealth telephone video continuity waiting-list"
          + " backlog capacity workforce locum agency rota funding commissioning safeguarding"
          + " dementia diabetes asthma copd cancer stroke frailty depression mental-health"
          + " physiotherapy podiatry dentistry optician screening vaccination immunisation"
          + " wellbeing self-care signposting navigator coordinator caseload handover pathway"
          + " integration collaboration partnership governance accountability leadership"
          + " resilience burnout morale retention recruitment";

  private static final String[] PHRASES = {
    "primary care",
    "primary care network",
    "integrated care system",
    "social prescribing",
    "waiting list",
    "waiting time",
    "a and e",
    "out of hours",
    "care home",
    "district nurse",
    "mental health services",
    "community services",
    "patient participation group",
    "clinical director",
    "social care",
    "shared decision making",
    "continuity of care",
    "face to face",
    "long term condition",
    "quality of care",
    "seat at the table",
    "one voice",
    "general practice",
    "health inequalities",
    "care plan",
    "test results",
    "repeat prescription",
    "online booking",
    "front line",
    "joined up care"
  };

  private final String[] words;
  private final double[] cumulative;

  private ZipfVocabulary(String[] words) {
    this.words = words;
    this.cumulative = new double[words.length];
    double sum = 0;
    for (int r = 0; r < words.length; r++) {
      sum += 1.0 / (r + 1);
      cumulative[r] = sum;
    }
    for (int r = 0; r < words.length; r++) {
      cumulative[r] /= sum;
    }
  }

  /** The benchmark's vocabulary, ranked the same way on every run. */
  public static ZipfVocabulary english() {
    Set<String> ranked = new LinkedHashSet<>(Arrays.asList(FUNCTION.split(" ")));
    List<String> content = new ArrayList<>();
    String[] general = GENERAL.split(" ");
    String[] verbs = VERBS.split(" ");
    String[] adjectives = ADJECTIVES.split(" ");
    String[] domain = DOMAIN.split(" ");
    // interleaved, so domain terms and phrases sit among the common content words, not in the tail
    int longest =
        Math.max(Math.max(general.length, verbs.length), Math.max(domain.length, PHRASES.length));
    for (int i = 0; i < longest; i++) {
      addAt(content, domain, i);
      addAt(content, general, i);
      addAt(content, verbs, i);
      addAt(content, adjectives, i);
      addAt(content, PHRASES, i);
    }
    ranked.addAll(content);
    // the tail: inflected forms, rarer than their stems
    for (String w : general) {
      ranked.add(w + "s");
    }
    for (String v : verbs) {
      String stem = v.endsWith("e") ? v.substring(0, v.length() - 1) : v;
      ranked.add(stem + "ed");
      ranked.add(stem + "ing");
      ranked.add(v + "s");
    }
    for (String d : domain) {
      if (!d.matches(".*\\d.*")) {
        ranked.add(d + "s");
      }
    }
    for (String a : adjectives) {
      ranked.add(a + "ly");
    }
    return new ZipfVocabulary(ranked.toArray(String[]::new));
  }

  private static void addAt(List<String> out, String[] words, int i) {
    if (i < words.length) {
      out.add(words[i]);
    }
  }

  /** A word (or multi-word phrase) drawn by rank. */
  public String draw(Random random) {
    int at = Arrays.binarySearch(cumulative, random.nextDouble());
    return words[at >= 0 ? at : Math.min(words.length - 1, -at - 1)];
  }

  /** The words, most frequent first. */
  public List<String> ranked() {
    return List.of(words);
  }

  /** The health-services terms and phrases, the lexicon a synthetic codebook is drawn from. */
  public static List<String> domainTerms() {
    List<String> terms = new ArrayList<>(Arrays.asList(DOMAIN.split(" ")));
    terms.addAll(Arrays.asList(PHRASES));
    return terms;
  }
}
