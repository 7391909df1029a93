package health.ordo.archfixture.application.service;

import java.sql.Connection;

/** Fixture that breaks the application rule: a service talking JDBC itself. */
public class JdbcUsingService {

    public JdbcUsingService() {
    }

    Connection connection;
}
