package dev.commitstats.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's shared layout reads, whichever module renders the page: {@code info}, the instance's version and
 * database kind for the footer. Modules' controllers need not know the web module for that.
 */
@ControllerAdvice(annotations = Controller.class)
class PageModelAdvice {

    private final InstanceInfo info;

    PageModelAdvice(InstanceInfo info) {
        this.info = info;
    }

    @ModelAttribute("info")
    InstanceInfo.Description info() {
        return info.describe();
    }
}
