/** What document intake needs from outside: text from bytes, a trainable classifier, the shipped corpus, storage. */
package health.ordo.application.port.out.intake;
