/**
 * Coding: codebooks (YAML, REFI-QDA .qdc), bulk code suggestion through the index, lexicon help
 * (keyness) and evaluation against human coding.
 */
package org.quarry.coding;
