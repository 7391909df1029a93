package health.ordo.adapter.fhir;

/** A FHIR search or read the server cannot run as asked: 400 with an OperationOutcome naming the parameter. */
class FhirSearchException extends RuntimeException {

    private final String parameter;

    FhirSearchException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
