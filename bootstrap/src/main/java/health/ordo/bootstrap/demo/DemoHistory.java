package health.ordo.bootstrap.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Thirteen months of a legacy work-queue system's history for the demo tenant, as the CSV a customer would import: a
 * weekly rhythm (Monday peak, quiet weekends), month-end peaks of invoice holds, no arrivals on holidays, a wave of one
 * payer's denials four months ago (with the breaches it caused), and a four-day connector outage of the AP system two
 * months ago followed by its catch-up. Deterministic: the same day gives the same file.
 */
final class DemoHistory {

    static final String SOURCE = "legacy-wq";
    static final String HEADER = "type,queue,source_reference,received,claimed,started,completed,deadline,outcome,facility,payer,"
            + "supplier,specialty,team,worker,amount,currency,held_hours";

    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final double[] WEEKDAY = {1.3, 1.1, 1.0, 1.0, 0.85, 0.08, 0.03};
    private static final List<String> PAYERS = List.of("Aetna", "Cigna", "UnitedHealthcare", "Humana", "Medicare");
    private static final List<String> SUPPLIERS = List.of("Medline", "Cardinal Health", "Owens & Minor", "Stryker", "McKesson");
    private static final List<String> SPECIALTIES = List.of("cardiology", "orthopedics", "radiology", "oncology", "primary-care");
    private static final List<String> FACILITIES = List.of("Main Campus", "North Clinic");

    /** One stream of work: what arrives in a queue on a normal weekday, and how it is worked. */
    private record Stream(String type, String queue, String team, double perDay, int touchMinutes, int deadlineDays,
                          int maxAmount, List<String> workers) {
    }

    private static final List<Stream> STREAMS = List.of(
            new Stream("CLAIM_DENIAL", "denials", "revenue-cycle", 26, 35, 7, 18_000, List.of("alice@demo", "sam@demo", "bob.lee", "carla.diaz")),
            new Stream("UNDERPAYMENT", "underpayments", "revenue-cycle", 9, 45, 14, 9_000, List.of("alice@demo", "bob.lee")),
            new Stream("PRIOR_AUTHORIZATION", "prior-auth", "access", 14, 25, 2, 0, List.of("dana.kim", "eli.ross")),
            new Stream("INVOICE_HOLD", "ap-exceptions", "accounts-payable", 16, 30, 5, 60_000, List.of("sam@demo", "fay.chen")),
            new Stream("SUPPLIER_ONBOARDING", "supplier-onboarding", "procurement", 2, 90, 10, 0, List.of("gus.park")),
            new Stream("CREDENTIAL_EXPIRY", "hr-credentialing", "hr", 3, 40, 20, 0, List.of("hana.ito")));

    private DemoHistory() {
    }

    /**
     * @param today    the first day not in the history
     * @param holidays days without arrivals
     */
    static String csv(LocalDate today, Instant now, Set<LocalDate> holidays, int days) {
        Random random = new Random(20_261_204L);
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        LocalDate first = today.minusDays(days);
        LocalDate waveStart = today.minusDays(125);
        LocalDate waveEnd = today.minusDays(104);
        LocalDate outageStart = today.minusDays(62);
        LocalDate outageEnd = today.minusDays(58);
        int serial = 0;
        for (LocalDate day = first; day.isBefore(today); day = day.plusDays(1)) {
            boolean holiday = holidays.contains(day);
            for (Stream stream : STREAMS) {
                double expected = holiday ? 0 : stream.perDay() * WEEKDAY[day.getDayOfWeek().getValue() - 1];
                boolean monthEnd = day.lengthOfMonth() - day.getDayOfMonth() < 3;
                if (stream.queue().equals("ap-exceptions")) {
                    if (monthEnd) {
                        expected *= 1.7;
                    }
                    if (!day.isBefore(outageStart) && day.isBefore(outageEnd)) {
                        expected = 0;
                    } else if (!day.isBefore(outageEnd) && day.isBefore(outageEnd.plusDays(2))) {
                        expected *= 2.5;
                    }
                }
                boolean wave = stream.queue().equals("denials") && !day.isBefore(waveStart) && day.isBefore(waveEnd);
                int count = poisson(random, expected) + (wave && !holiday ? poisson(random, 14 * WEEKDAY[day.getDayOfWeek().getValue() - 1]) : 0);
                for (int i = 0; i < count; i++) {
                    String row = row(random, stream, day, i, wave && i % 2 == 0, now, ++serial);
                    if (row != null) {
                        csv.append(row).append('\n');
                    }
                }
            }
        }
        return csv.toString();
    }

    private static String row(Random random, Stream stream, LocalDate day, int index, boolean waveItem, Instant now, int serial) {
        Instant received = day.atTime(7, 0).atZone(ZONE).toInstant().plus(Duration.ofMinutes(random.nextInt(600)));
        Instant deadline = received.plus(Duration.ofDays(stream.deadlineDays()));
        // a backlog builds during the wave: its items wait longer and some miss their deadline
        double waitHours = (waveItem ? 110 : 4) * -Math.log(1 - random.nextDouble()) + (day.getDayOfWeek() == DayOfWeek.FRIDAY ? 48 : 0);
        Instant claimed = received.plus(Duration.ofMinutes(Math.round(waitHours * 60)));
        Instant started = claimed.plus(Duration.ofMinutes(2 + random.nextInt(20)));
        double held = random.nextDouble() < 0.12 ? 4 + random.nextInt(40) : 0;
        int touch = (int) Math.round(stream.touchMinutes() * Math.exp(random.nextGaussian() * 0.45));
        Instant completed = started.plus(Duration.ofMinutes(touch)).plus(Duration.ofMinutes(Math.round(held * 60)));
        String payer = stream.type().equals("CLAIM_DENIAL") || stream.type().equals("UNDERPAYMENT") || stream.type().equals("PRIOR_AUTHORIZATION")
                ? waveItem ? "Humana" : PAYERS.get(random.nextInt(PAYERS.size())) : "";
        String supplier = stream.queue().equals("ap-exceptions") || stream.queue().equals("supplier-onboarding")
                ? SUPPLIERS.get(random.nextInt(SUPPLIERS.size())) : "";
        String specialty = payer.isEmpty() ? "" : SPECIALTIES.get(random.nextInt(SPECIALTIES.size()));
        String amount = stream.maxAmount() == 0 ? "" : String.valueOf(50 + random.nextInt(stream.maxAmount()));
        if (completed.isAfter(now)) {
            return null; // still open: the demo's open work is Ordo's own backlog
        }
        String outcome;
        double roll = random.nextDouble();
        if (stream.type().equals("CLAIM_DENIAL") && roll < 0.14) {
            outcome = "WRITTEN_OFF";
        } else if (roll > 0.97) {
            outcome = "CANCELLED";
        } else {
            outcome = "COMPLETED";
        }
        String worker = stream.workers().get(random.nextInt(stream.workers().size()));
        return String.join(",", stream.type(), stream.queue(), "WQ-" + day + "-" + serial, received.toString(),
                claimed.toString(), started.toString(), completed.toString(), deadline.toString(), outcome,
                FACILITIES.get(index % 3 == 2 ? 1 : 0), payer, quote(supplier), specialty, stream.team(), worker, amount,
                amount.isEmpty() ? "" : "USD", held == 0 ? "" : String.valueOf(held));
    }

    private static String quote(String text) {
        return text.contains(",") || text.contains("&") ? '"' + text + '"' : text;
    }

    /** A Poisson draw (Knuth's method; means here stay small). */
    private static int poisson(Random random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }
}
