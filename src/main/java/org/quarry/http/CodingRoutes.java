package org.quarry.http;

import java.util.List;
import java.util.Set;
import org.quarry.api.DecisionJson;
import org.quarry.api.DecisionReport;
import org.quarry.api.IndexBusyException;
import org.quarry.api.LearnJson;
import org.quarry.api.LearnReport;
import org.quarry.api.Quarry;
import org.quarry.api.QuarryException;
import org.quarry.api.ReviewQueue;
import org.quarry.api.SuggestionOutput;
import org.quarry.model.Codebook;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;
import org.quarry.model.PassageSuggestions;
import org.quarry.model.SuggestMethod;
import org.quarry.model.SuggestOptions;
import org.quarry.model.SuggestionRun;

/**
 * The coding answers of the API: a researcher's decision on a passage, suggestions for a text, the
 * review queue of a code and retraining, each as the JSON text of a 200; a refused request is an
 * {@link ApiError}.
 */
final class CodingRoutes {
  private static final Set<String> DECISIONS = Set.of("accept", "reject", "add", "remove");
  // a text is one passage: more codes than this per passage is a typo, not a request
  private static final int MAX_TOP = 100;
  // the seed of learn's calibration folds, as the CLI's default, so both train the same model
  private static final long LEARN_SEED = 42;
  // training shares the machine with the requests the server goes on answering
  private static final int LEARN_THREADS =
      Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

  private final Quarry quarry;
  private final Codebook served;
  private final ReviewQueue review;
  private final StudyRoutes study;

  /**
   * Answers from {@code quarry}, with {@code served} (null for none) as the codebook that suggest,
   * review and learn use; {@code study} gives the codebook when none is served.
   */
  CodingRoutes(Quarry quarry, Codebook served, StudyRoutes study) {
    this.quarry = quarry;
    this.served = served;
    this.review = served == null ? null : new ReviewQueue(quarry, served);
    this.study = study;
  }

  String coding(JsonBody body) {
    String passage = body.text("passage");
    String code = body.text("code");
    String decision = body.text("decision");
    if (!DECISIONS.contains(decision)) {
      throw new ApiError(
          400,
          "field 'decision' must be accept, reject, add or remove, got '" + decision + "'",
          "decision");
    }
    if (quarry.passage(passage).isEmpty()) {
      throw new ApiError(404, "no passage with id '" + passage + "'", "passage");
    }
    // adding a code is accepting it unsuggested; removing one is the researcher's judgement that
    // the passage is not the code, kept as a rejection (a negative example to learn from)
    boolean accepted = "accept".equals(decision) || "add".equals(decision);
    DecisionReport report = accepted ? quarry.accept(passage, code) : quarry.reject(passage, code);
    study.sendCodes(report.decision().passageId());
    return DecisionJson.write(report);
  }

  private ReviewQueue reviewQueue() {
    if (review == null) {
      throw new ApiError(
          404,
          "no codebook is served: start 'quarry serve --codebook FILE' to review its suggestions",
          null);
    }
    return review;
  }

  String review(QueryParameters params) {
    String code = params.first("code");
    if (code == null || code.isBlank()) {
      throw new ApiError(400, "parameter 'code' is required: the code to review", "code");
    }
    int limit = params.intParam("limit", 20);
    int offset = params.intParam("offset", 0);
    return reviewQueue().json(code, offset, limit);
  }

  String learn(JsonBody body) {
    ReviewQueue queue = reviewQueue();
    if (quarry.suggester(served, null).method() == SuggestMethod.LEXICON) {
      throw new ApiError(
          409,
          "no learned model for codebook "
              + served.name()
              + " yet: train the first with 'quarry learn --codebook FILE'",
          null);
    }
    LearnReport r;
    try {
      r = quarry.relearn(served, LEARN_THREADS, LEARN_SEED);
    } catch (IndexBusyException e) {
      throw e;
    } catch (QuarryException e) {
      // nothing wrong with the request: the codings kept so far cannot train a model yet
      throw new ApiError(409, e.getMessage(), null);
    }
    queue.forget();
    return LearnJson.write(r);
  }

  String suggest(JsonBody body) {
    String text = body.text("text");
    int top = body.optionalInt("top", SuggestOptions.defaults().top(), 1, MAX_TOP);
    Codebook codebook = study.codebook();
    if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
      throw new ApiError(400, "field 'text' holds no words to code", "text");
    }
    SuggestionRun run =
        quarry.suggestText(codebook, text, SuggestOptions.builder().top(top).build());
    // words no code's lexicon matches: the text's line with no suggestions, not an error
    PassageSuggestions line =
        run.passages().isEmpty()
            ? new PassageSuggestions(
                Passage.of(
                    "text",
                    PassageKind.NARRATIVE,
                    null,
                    null,
                    0,
                    text.codePointCount(0, text.length()),
                    text),
                List.of())
            : run.passages().get(0);
    return SuggestionOutput.jsonLine(line);
  }
}
