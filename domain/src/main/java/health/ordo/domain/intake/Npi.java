package health.ordo.domain.intake;

/**
 * The National Provider Identifier check: ten digits whose last is a Luhn check digit computed over the constant
 * prefix {@code 80840} followed by the first nine digits (CMS, "NPI check digit").
 */
public final class Npi {

    private Npi() {
    }

    /**
     * Whether {@code value} is a well-formed NPI: exactly ten digits (no other characters) with a correct check digit.
     *
     * @param value the candidate, may be null
     * @return true when it has ten digits and the Luhn check over "80840" + the first nine digits matches the tenth
     */
    public static boolean isValid(String value) {
        if (value == null || value.length() != 10) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return checkDigit("80840" + value.substring(0, 9)) == value.charAt(9) - '0';
    }

    /** The Luhn check digit for {@code digits}: every second digit from the right, starting with the last, doubled. */
    static int checkDigit(String digits) {
        int sum = 0;
        boolean twice = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return (10 - sum % 10) % 10;
    }
}
