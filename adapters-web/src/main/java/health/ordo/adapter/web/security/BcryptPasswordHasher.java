package health.ordo.adapter.web.security;

import health.ordo.application.port.out.user.PasswordHashingPort;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** bcrypt from spring-security-crypto; the cost factor is {@code ordo.security.bcrypt-strength} (default 12). */
@Singleton
class BcryptPasswordHasher implements PasswordHashingPort {

    private final BCryptPasswordEncoder encoder;

    BcryptPasswordHasher(@Value("${ordo.security.bcrypt-strength:12}") int strength) {
        this.encoder = new BCryptPasswordEncoder(strength);
    }

    @Override
    public String hash(String rawPassword) {
        return encoder.encode(rawPassword);
    }

    @Override
    public boolean matches(String rawPassword, String hash) {
        return encoder.matches(rawPassword, hash);
    }
}
