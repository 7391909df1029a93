package health.ordo.archfixture.adapter.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;

/**
 * Broken on purpose: a repository that prepares its statement on JdbcOperations itself, so the unit of work's held
 * tenant setting and writes would not go in front of it.
 */
public class DirectJdbcQuery {

    private final JdbcOperations jdbc;

    public DirectJdbcQuery(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public int count() {
        return jdbc.prepareStatement("select count(*) from work_item", statement -> 0);
    }
}
