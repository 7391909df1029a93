package health.ordo.domain.intake;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A short summary made of the document's own sentences: those that carry the decision, the amounts and the dates, in the
 * order they appear. Computed locally: nothing leaves Ordo.
 */
public final class ExtractiveSummary {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z])|\\n\\s*\\n");
    private static final Pattern MONEY = Pattern.compile("\\$\\s?\\d|\\bUSD\\b");
    private static final Pattern DATE = Pattern.compile("\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b|\\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.? \\d{1,2}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b");
    private static final List<String> DECISION = List.of("denied", "deny", "not payable", "not covered", "approved", "overturned", "upheld",
            "reversed", "must", "due", "expire", "deadline", "appeal", "request", "within", "submit", "total", "balance", "refer",
            "renew", "authoriz", "pend");

    private final int maxSentences;
    private final int maxCharacters;

    public ExtractiveSummary(int maxSentences, int maxCharacters) {
        this.maxSentences = maxSentences;
        this.maxCharacters = maxCharacters;
    }

    public String summarize(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        record Scored(int position, String sentence, double score) {
        }
        List<Scored> scored = new ArrayList<>();
        String[] sentences = SENTENCE_END.split(text);
        for (int i = 0; i < sentences.length; i++) {
            String sentence = sentences[i].replaceAll("\\s+", " ").strip();
            if (sentence.length() < 25 || sentence.length() > 400) {
                continue;
            }
            String lower = sentence.toLowerCase(Locale.ROOT);
            double score = 0;
            for (String word : DECISION) {
                if (lower.contains(word)) {
                    score += 1;
                }
            }
            if (MONEY.matcher(sentence).find()) {
                score += 1.5;
            }
            if (DATE.matcher(sentence).find()) {
                score += 1.5;
            }
            // letterhead, addresses and boilerplate rarely carry the decision
            if (lower.contains("confidential") || lower.contains("hipaa") || lower.contains("intended recipient")) {
                score -= 3;
            }
            if (score > 0) {
                scored.add(new Scored(i, sentence, score - i * 0.01));
            }
        }
        List<Scored> best = scored.stream().sorted(Comparator.comparingDouble(Scored::score).reversed()).limit(maxSentences)
                .sorted(Comparator.comparingInt(Scored::position)).toList();
        StringBuilder summary = new StringBuilder();
        for (Scored s : best) {
            if (summary.length() + s.sentence().length() + 1 > maxCharacters) {
                break;
            }
            summary.append(summary.length() == 0 ? "" : " ").append(s.sentence());
        }
        return summary.toString();
    }
}
