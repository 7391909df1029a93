/**
 * Document intake's outbound adapters: type sniffing (Apache Tika's detector, from the bytes), text from PDFs (Apache PDFBox),
 * e-mails with attachments (Apache James mime4j), OCR with the {@code tesseract} command when the node has it, the Apache
 * OpenNLP document categorizer, and the labelled corpus Ordo ships.
 */
package health.ordo.adapter.intake;
