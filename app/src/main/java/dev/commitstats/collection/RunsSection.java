package dev.commitstats.collection;

import dev.commitstats.accounts.Caller;
import dev.commitstats.accounts.UserPageSection;
import dev.commitstats.accounts.UserPages;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** {@code /content}'s collection runs: when, what started it, new commits, duration, outcome and message. */
@Component
@Order(30)
class RunsSection implements UserPageSection {

    /** The newest runs shown; {@code /api/v1/runs} and {@code runs} give more. */
    static final int SHOWN = 200;

    private final CollectionService collection;

    RunsSection(CollectionService collection) {
        this.collection = collection;
    }

    @Override
    public UserPages.Page page() {
        return UserPages.Page.CONTENT;
    }

    @Override
    public void addTo(Caller caller, Model model) {
        model.addAttribute("runs", collection.runs().runs(caller.userId(), null, SHOWN));
    }
}
