package health.ordo.application.port.out.intake;

import health.ordo.domain.intake.LabelledText;

import java.util.List;

/** The labelled corpus Ordo ships: a training split and a held-out split that is never trained on. */
public interface TrainingCorpusPort {

    List<LabelledText> training();

    List<LabelledText> heldOut();
}
