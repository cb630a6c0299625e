package dev.commitstats.cv;

import dev.commitstats.web.HomeSample;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The home page's example: the published CV with the most commits, from the directory of published CVs. */
@Component
class CvHomeSample implements HomeSample {

    private final CvDirectory directory;

    CvHomeSample(CvDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Optional<Sample> sample() {
        return directory.page(1).entries().stream().findFirst().map(e -> new Sample(e.displayName(), e.path(),
                e.path() + "/card.svg", e.commits(), e.additions(), e.activeDays(), e.languages()));
    }
}
