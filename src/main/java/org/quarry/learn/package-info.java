/**
 * Learning codes from human coding: passages as bags of words ({@link
 * org.quarry.learn.PassageBag}), a vocabulary that turns them into sparse tf-idf vectors ({@link
 * org.quarry.learn.Vocabulary}), one L2-regularised logistic regression per code trained with
 * LIBLINEAR and calibrated on held-out folds ({@link org.quarry.learn.ModelTrainer}), codes that
 * compete for a passage when the coding is single-label ({@link org.quarry.learn.CodeCompetition}),
 * and the stored model ({@link org.quarry.learn.LearnedModel}).
 *
 * <p>Nothing here knows Lucene or the index: the coding package reads passages into bags and hands
 * them over, so the learner can be tested on plain data and swapped without touching search.
 */
package org.quarry.learn;
