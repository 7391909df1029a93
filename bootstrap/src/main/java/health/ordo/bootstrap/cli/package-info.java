/** The admin command line ({@code java -jar ordo.jar <command>}), picocli commands over the same use cases as the API. */
package health.ordo.bootstrap.cli;
