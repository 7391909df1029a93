package health.ordo.tck;

import health.ordo.spi.SourceAdapter;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** The TCK passes a correct adapter and catches each broken rule: a contract that cannot fail would prove nothing. */
class SourceAdapterContractSelfTest {

    /** A contract run against an in-memory adapter with the given flaw. */
    static SourceAdapterContract contract(InMemorySource.Flaw flaw) {
        return new SourceAdapterContract() {
            @Override
            protected SourceFixture newFixture() {
                return new InMemorySource();
            }

            @Override
            protected SourceAdapter newAdapter(SourceFixture fixture) {
                return ((InMemorySource) fixture).adapter(flaw);
            }
        };
    }

    /** The correct adapter passes every contract test. */
    @Nested
    class CorrectAdapter extends SourceAdapterContract {
        @Override
        protected SourceFixture newFixture() {
            return new InMemorySource();
        }

        @Override
        protected SourceAdapter newAdapter(SourceFixture fixture) {
            return ((InMemorySource) fixture).adapter(InMemorySource.Flaw.NONE);
        }
    }

    @Test
    void adapterRepeatingRecordsOnResume_failsTheCursorRule() {
        assertThrows(AssertionError.class, () -> contract(InMemorySource.Flaw.REPEATS_LAST_RECORD_ON_RESUME)
                .resumingFromACursor_skipsNothingAndRepeatsNothing());
    }

    @Test
    void adapterDroppingGoodRecordsWithABadOne_failsTheMalformedRule() {
        assertThrows(AssertionError.class, () -> contract(InMemorySource.Flaw.DROPS_BATCH_WITH_BAD_RECORD)
                .malformedRecord_isRejectedWithAReason_andTheGoodOnesInTheBatchAreKept());
    }

    @Test
    void adapterApplyingAWriteBackTwice_failsTheIdempotencyRule() {
        assertThrows(AssertionError.class, () -> contract(InMemorySource.Flaw.APPLIES_TWICE)
                .writeBackRetriedAfterAFailure_isAppliedExactlyOnce());
    }

    @Test
    void adapterAlwaysReportingUp_failsTheHealthRule() {
        assertThrows(AssertionError.class, () -> contract(InMemorySource.Flaw.ALWAYS_UP)
                .health_turnsDegradedWhileTheSourceFails_andBackToUp());
    }
}
