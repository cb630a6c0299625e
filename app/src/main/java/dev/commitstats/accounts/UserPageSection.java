package dev.commitstats.accounts;

import org.springframework.ui.Model;

/**
 * A part of the signed-in user's own pages that a module contributes: the module owns the data, the template fragment
 * that shows it and the page controller behind its forms; {@link UserPages} gathers every section's model when it
 * renders {@code /user} or {@code /content}. So {@code accounts} composes the pages without depending on the modules
 * above it (tokens, collection, stats, cv), which depend on it.
 */
public interface UserPageSection {

    /** Which page the section belongs to. */
    UserPages.Page page();

    /**
     * Adds what the section's fragment reads to the page's model. Called for each rendering of the page, and by the
     * section's own controller before it re-renders its fragment.
     */
    void addTo(Caller caller, Model model);
}
