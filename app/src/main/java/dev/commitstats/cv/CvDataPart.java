package dev.commitstats.cv;

import dev.commitstats.accounts.Caller;
import dev.commitstats.accounts.UserDataPart;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * "Download my data": the CV as its owner sees it (every repository named, weekly series, computed now rather than
 * read from the public snapshot), the CV settings and the named CVs with their status.
 */
@Component
@Order(30)
class CvDataPart implements UserDataPart {

    private final CvDocuments documents;
    private final CvPreferences preferences;
    private final CvPages pages;

    CvDataPart(CvDocuments documents, CvPreferences preferences, CvPages pages) {
        this.documents = documents;
        this.preferences = preferences;
        this.pages = pages;
    }

    @Override
    public String name() {
        return "cv";
    }

    @Override
    public Object export(Caller caller) {
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("settings", preferences.of(caller.userId()));
        part.put("cvs", pages.list(caller.login()));
        part.put("document", CvJson.apiFields(documents.build(caller.login(), CvSnapshots.SERIES,
                CvDocument.Audience.OWNER)));
        return part;
    }
}
