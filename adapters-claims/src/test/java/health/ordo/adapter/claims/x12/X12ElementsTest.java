package health.ordo.adapter.claims.x12;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Segments split on their separator exactly as X12 reads them: empty elements kept, trailing ones included. */
class X12ElementsTest {

    @Test
    void emptyElementsInsideAndAtTheEnd_areKept() {
        assertThat(X12Envelopes.elements("CLP*PCN1*4*1200*0**12*AET9001001*11*1", '*'))
                .containsExactly("CLP", "PCN1", "4", "1200", "0", "", "12", "AET9001001", "11", "1");
        assertThat(X12Envelopes.elements("NM1*QC*1*DOE*JANE****MI*", '*'))
                .containsExactly("NM1", "QC", "1", "DOE", "JANE", "", "", "", "MI", "");
        assertThat(X12Envelopes.elements("SVC", '*')).containsExactly("SVC");
    }

    @Test
    void anySeparatorIsTakenLiterally_evenOneThatMeansSomethingInARegularExpression() {
        assertThat(X12Envelopes.elements("HC|99214|25", '|')).containsExactly("HC", "99214", "25");
        assertThat(X12Envelopes.elements("HC^99214^^", '^')).containsExactly("HC", "99214", "", "");
        assertThat(X12Envelopes.elements("a.b", '.')).containsExactly("a", "b");
    }
}
