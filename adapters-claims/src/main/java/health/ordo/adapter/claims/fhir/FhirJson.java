package health.ordo.adapter.claims.fhir;

import health.ordo.spi.MalformedDocumentException;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.ErrorHandlerAdapter;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import jakarta.inject.Singleton;
import org.hl7.fhir.instance.model.api.IBaseResource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses FHIR R4 JSON with HAPI, strictly: an unknown element, a value of the wrong JSON type or an invalid primitive
 * (a malformed date, an unknown code) makes the document invalid, and every such issue is reported with its location,
 * not just the first.
 */
@Singleton
public class FhirJson {

    private final FhirContext context;

    FhirJson(FhirContext context) {
        this.context = context;
    }

    /** @throws InvalidFhirResourceException listing every issue found */
    public IBaseResource parse(byte[] json) {
        List<MalformedDocumentException.Issue> issues = new ArrayList<>();
        IParser parser = context.newJsonParser().setParserErrorHandler(new Collecting(issues));
        IBaseResource resource;
        try {
            resource = parser.parseResource(new String(json, StandardCharsets.UTF_8));
        } catch (DataFormatException e) {
            issues.add(new MalformedDocumentException.Issue("$", stripCode(e.getMessage())));
            throw new InvalidFhirResourceException(issues);
        }
        if (!issues.isEmpty()) {
            throw new InvalidFhirResourceException(issues);
        }
        return resource;
    }

    /** HAPI prefixes messages with its own code ("HAPI-1861: "); the caller needs the sentence. */
    public static String stripCode(String message) {
        return message == null ? "unreadable JSON" : message.replaceFirst("^HAPI-\\d+: ", "");
    }

    private static final class Collecting extends ErrorHandlerAdapter {
        private final List<MalformedDocumentException.Issue> issues;

        Collecting(List<MalformedDocumentException.Issue> issues) {
            this.issues = issues;
        }

        private void add(IParseLocation location, String element, String message) {
            String parent = location == null || location.getParentElementName() == null ? "" : location.getParentElementName();
            String path = parent.isEmpty() ? element : element == null ? parent : parent + "." + element;
            issues.add(new MalformedDocumentException.Issue(path == null ? "$" : path, message));
        }

        @Override
        public void unknownElement(IParseLocation location, String elementName) {
            add(location, elementName, "unknown element '" + elementName + "'");
        }

        @Override
        public void unknownAttribute(IParseLocation location, String attributeName) {
            add(location, attributeName, "unknown attribute '" + attributeName + "'");
        }

        @Override
        public void invalidValue(IParseLocation location, String value, String error) {
            add(location, null, "invalid value '" + value + "': " + stripCode(error));
        }

        @Override
        public void incorrectJsonType(IParseLocation location, String elementName, BaseJsonLikeValue.ValueType expected,
                                      BaseJsonLikeValue.ScalarType expectedScalar, BaseJsonLikeValue.ValueType found,
                                      BaseJsonLikeValue.ScalarType foundScalar) {
            add(location, elementName, "expected a JSON " + (expectedScalar == null ? expected : expectedScalar)
                    + " but found a " + (foundScalar == null ? found : foundScalar));
        }

        @Override
        public void unexpectedRepeatingElement(IParseLocation location, String elementName) {
            add(location, elementName, "'" + elementName + "' may appear once only");
        }
    }
}
