package health.ordo.application.port.in.secret;

/** Seals every stored secret that is not under the deployment's current secrets key again under it. */
public interface RotateSecretsUseCase {

    /** @return how many stored secrets were sealed again */
    int rotate();
}
