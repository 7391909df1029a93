package health.ordo.adapter.persistence;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

/**
 * The caller's view of a statement that carries held statements ({@link DeferredWrites}) in front of its own SQL:
 * parameter positions are shifted past the held statements' parameters, and executing it runs everything in one round
 * trip, then steps past the held statements' results so the caller sees only its own. Batching is refused: batched
 * statements go through {@link Sql#prepareBatch}, which sends the held statements first.
 */
final class PiggybackStatement implements InvocationHandler {

    /** Setters whose first int argument is not a parameter position. */
    private static final Set<String> NOT_PARAMETERS = Set.of("setFetchSize", "setFetchDirection", "setMaxRows",
            "setMaxFieldSize", "setQueryTimeout", "setLargeMaxRows", "setEscapeProcessing", "setPoolable", "setCursorName");

    private final PreparedStatement statement;
    private final int parameterOffset;
    private final int heldResults;
    private final DeferredWrites.Batch held;
    private boolean executed;

    private PiggybackStatement(PreparedStatement statement, DeferredWrites.Batch held, int parameterOffset) {
        this.statement = statement;
        this.held = held;
        this.parameterOffset = parameterOffset;
        this.heldResults = held.statements();
    }

    static PreparedStatement wrap(PreparedStatement statement, DeferredWrites.Batch held) throws SQLException {
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[]{PreparedStatement.class}, handler(statement, held));
    }

    static PiggybackStatement handler(PreparedStatement statement, DeferredWrites.Batch held) throws SQLException {
        return new PiggybackStatement(statement, held, held.bind(statement));
    }

    PreparedStatement proxy() {
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[]{PreparedStatement.class}, this);
    }

    /** Whether the round trip carrying the held statements was sent. */
    boolean executed() {
        return executed;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (args != null && args.length >= 2 && name.startsWith("set") && !NOT_PARAMETERS.contains(name)
                && method.getParameterTypes()[0] == int.class) {
            Object[] shifted = args.clone();
            shifted[0] = (Integer) args[0] + parameterOffset;
            return call(method, shifted);
        }
        switch (name) {
            case "addBatch", "executeBatch", "executeLargeBatch", "clearBatch" ->
                    throw new SQLException("a statement carrying held writes cannot be batched: use Sql.prepareBatch");
            case "executeQuery" -> {
                if (args != null) {
                    break;
                }
                runPastHeld();
                ResultSet rs = statement.getResultSet();
                if (rs == null) {
                    throw new SQLException("No results were returned by the query.");
                }
                return rs;
            }
            case "executeUpdate", "executeLargeUpdate" -> {
                if (args != null) {
                    break;
                }
                runPastHeld();
                long count = statement.getLargeUpdateCount();
                return "executeUpdate".equals(name) ? (Object) (int) count : (Object) count;
            }
            case "execute" -> {
                if (args != null) {
                    break;
                }
                runPastHeld();
                return statement.getResultSet() != null;
            }
            case "unwrap" -> {
                return statement.unwrap((Class<?>) args[0]);
            }
            default -> {
                // everything else is the statement's own
            }
        }
        if (name.startsWith("execute")) {
            throw new SQLException("a statement carrying held writes runs only its own prepared SQL");
        }
        return call(method, args);
    }

    /** Runs the round trip and steps over the held statements' results; their failure surfaces as its caller's. */
    private void runPastHeld() throws SQLException {
        executed = true;
        try {
            statement.execute();
            for (int i = 0; i < heldResults; i++) {
                statement.getMoreResults();
            }
        } catch (SQLException failure) {
            throw held.translate(failure);
        }
    }

    private Object call(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(statement, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
