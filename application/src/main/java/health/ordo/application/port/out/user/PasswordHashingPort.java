package health.ordo.application.port.out.user;

/** A slow, salted password hash (bcrypt or argon2); the clear password never leaves this port. */
public interface PasswordHashingPort {

    String hash(String rawPassword);

    boolean matches(String rawPassword, String hash);
}
