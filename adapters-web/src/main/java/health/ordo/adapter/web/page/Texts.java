package health.ordo.adapter.web.page;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of the pages: from the message bundle {@code i18n/pages} in the user's language, with the tenant's own
 * terms put in: a text writes a renamable term as {@code {term:work item}}, and a tenant that calls work items "cases"
 * reads "cases" there.
 */
public final class Texts {

    private static final Pattern TERM = Pattern.compile("\\{term:([A-Za-z ]+)}");

    private final ResourceBundle bundle;
    private final Map<String, String> terminology;
    private final Locale locale;

    Texts(Locale locale, Map<String, String> terminology) {
        this.locale = locale;
        // never the server's default locale: a language without a bundle reads the base (English) one
        this.bundle = ResourceBundle.getBundle("i18n.pages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.terminology = terminology;
    }

    /** The text of a key, terms replaced, {@code {0}}… filled with the arguments. */
    public String get(String key, Object... arguments) {
        String text;
        try {
            text = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        Matcher terms = TERM.matcher(text);
        StringBuilder out = new StringBuilder();
        while (terms.find()) {
            terms.appendReplacement(out, Matcher.quoteReplacement(term(terms.group(1))));
        }
        terms.appendTail(out);
        return arguments.length == 0 ? out.toString() : new MessageFormat(out.toString().replace("'", "''"), locale).format(arguments);
    }

    /** A term in the tenant's words, capitalised when Ordo's term is asked for capitalised. */
    public String term(String term) {
        String lower = term.toLowerCase(Locale.ROOT);
        String word = terminology.getOrDefault(lower, localTerm(lower));
        return Character.isUpperCase(term.charAt(0)) ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word;
    }

    /** Ordo's own word for a term in the user's language ({@code term.<term>} in the bundle), else the English term. */
    private String localTerm(String lower) {
        String key = "term." + lower.replace(' ', '-');
        return bundle.containsKey(key) ? bundle.getString(key) : lower;
    }

    /** The language the texts are in: the bundle's (English for the base bundle), not merely the one asked for. */
    public String lang() {
        String language = bundle.getLocale().getLanguage();
        return language.isEmpty() ? "en" : language;
    }
}
