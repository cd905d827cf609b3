/**
 * Quarry: search and text mining for qualitative research. The embedding surface is the {@code
 * org.quarry.api} facade and the {@code org.quarry.model} records it takes and returns; every other
 * package (the CLI and the HTTP server included) is internal to this module.
 */
module org.quarry {
  requires java.xml;
  requires java.logging;
  requires java.management;
  requires org.eclipse.jetty.server;
  requires org.eclipse.jetty.http;
  requires org.eclipse.jetty.io;
  requires org.eclipse.jetty.util;
  requires org.apache.lucene.core;
  requires org.apache.lucene.analysis.common;
  requires org.apache.lucene.queryparser;
  requires org.apache.lucene.facet;
  requires org.apache.lucene.highlighter;
  requires org.apache.lucene.queries;
  requires edu.stanford.nlp.corenlp;
  requires ejml.simple;
  requires ejml.core;
  requires langchain4j.core;
  requires langchain4j.embeddings;
  requires langchain4j.embeddings.bge.small.en.v15.q;
  requires liblinear;
  requires solr.solrj;
  requires org.tribuo.core;
  requires org.tribuo.math;
  requires org.tribuo.classification.core;
  requires org.tribuo.classification.sgd;
  requires info.picocli;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.csv;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires org.yaml.snakeyaml;
  requires org.apache.tika.core;
  requires org.apache.tika.parser.html;
  requires org.apache.tika.parser.txt;
  requires org.apache.poi.poi;
  requires org.apache.poi.ooxml;

  exports org.quarry.api;
  exports org.quarry.model;

  // picocli and Jackson reach the CLI's commands and the records they write by reflection
  opens org.quarry.cli to
      info.picocli;
}
