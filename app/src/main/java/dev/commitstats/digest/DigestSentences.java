package dev.commitstats.digest;

import dev.commitstats.core.commit.CommitType;
import dev.commitstats.core.detect.DetectionKind;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The digest said in short English sentences, from its numbers alone. */
final class DigestSentences {

    /** Within this relative difference a week is "about" the average. */
    private static final double ABOUT = 0.05;
    private static final int LISTED = 5;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private DigestSentences() {
    }

    static WeeklyDigest withSentences(WeeklyDigest d) {
        return new WeeklyDigest(d.login(), d.displayName(), d.timeZone(), d.week(), d.complete(), d.commits(),
                d.activeDays(), d.additions(), d.deletions(), d.weeksCompared(), d.averageCommits(),
                d.averageAdditions(), d.languages(), d.types(), d.newLanguages(), d.firstUses(), d.currentStreak(),
                d.longestStreak(), d.personalBests(), d.repositories(), d.days(), d.weeks(), sentences(d));
    }

    /** "Week 47, 17 to 23 November 2026". */
    static String period(IsoWeek week) {
        String from = week.monday().getMonth() == week.sunday().getMonth()
                ? String.valueOf(week.monday().getDayOfMonth())
                : week.monday().format(week.monday().getYear() == week.sunday().getYear()
                        ? DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH) : DAY);
        return "week " + week.number() + ", " + from + " to " + week.sunday().format(DAY);
    }

    static List<String> sentences(WeeklyDigest d) {
        List<String> s = new ArrayList<>();
        String window = d.weeksCompared() == WeeklyDigests.WEEKS_COMPARED ? "your 13-week average"
                : d.weeksCompared() == 1 ? "the week before" : "your average of the " + d.weeksCompared()
                        + " weeks before";
        String sofar = d.complete() ? "" : " so far";
        if (d.commits() == 0) {
            s.add("You made no commits" + sofar + " in " + period(d.week()) + "."
                    + (d.weeksCompared() > 0 && d.averageCommits() > 0
                            ? " " + capitalized(window) + " is " + decimal(d.averageCommits()) + " commits a week."
                            : ""));
        } else {
            String did = "You committed " + times(d.commits()) + sofar + " on " + d.activeDays() + " of 7 days";
            if (d.weeksCompared() == 0) {
                s.add(did + ": your first week on record.");
            } else if (d.averageCommits() == 0) {
                s.add(did + ", after " + (d.weeksCompared() == 1 ? "a week" : d.weeksCompared() + " weeks")
                        + " without commits.");
            } else {
                s.add(did + ", " + compared(d.commits(), d.averageCommits(), "more", "fewer") + " " + window
                        + " (" + decimal(d.averageCommits()) + ").");
            }
        }
        if (d.additions() + d.deletions() > 0) {
            StringBuilder lines = new StringBuilder("You wrote " + count(d.additions(), "line") + " and deleted "
                    + number(d.deletions()));
            List<WeeklyDigest.LanguageLines> top = d.languages().stream().filter(l -> l.additions() > 0)
                    .limit(2).toList();
            if (!top.isEmpty()) {
                lines.append(top.size() == 1 || d.languages().size() == 1 ? ", in " : ", most of them in ")
                        .append(joined(top.stream().map(l -> l.language() + " (" + number(l.additions()) + ")")
                                .toList()));
            }
            s.add(lines + ".");
        }
        if (!d.types().isEmpty()) {
            s.add("The mix: " + joined(listed(d.types().stream()
                    .map(t -> number(t.commits()) + " " + t.label()).toList(), "other kinds")) + ".");
        }
        if (!d.newLanguages().isEmpty()) {
            s.add("New this week: your first lines of " + joined(d.newLanguages()) + ".");
        }
        if (!d.firstUses().isEmpty()) {
            s.add("Used for the first time: " + joined(listed(d.firstUses().stream()
                    .map(WeeklyDigest.FirstUse::label).toList(), "more")) + ".");
        }
        for (WeeklyDigest.PersonalBest b : d.personalBests()) {
            s.add(switch (b.metric()) {
                case "weekly_commits" -> "Personal best: your busiest week ever, " + times(b.value())
                        + " (the best before was " + number(b.previousBest()) + ").";
                case "weekly_additions" -> "Personal best: the most lines you wrote in a week, "
                        + number(b.value()) + " (the best before was " + number(b.previousBest()) + ").";
                default -> "Personal best: a " + b.value() + "-day streak (the longest before was "
                        + count(b.previousBest(), "day") + ").";
            });
        }
        if (d.currentStreak() > 1 && d.personalBests().stream().noneMatch(b -> b.metric().equals("longest_streak"))) {
            s.add("You are on a " + d.currentStreak() + "-day streak; your longest is "
                    + count(d.longestStreak(), "day") + ".");
        }
        if (!d.repositories().isEmpty()) {
            List<String> names = d.repositories().stream().map(r -> (r.masked()
                    ? "a private repository" + (r.languages().isEmpty() ? "" : " in " + r.languages().get(0))
                    : r.name()) + " (" + count(r.commits(), "commit") + ")").toList();
            s.add("You worked on " + (d.repositories().size() == 1 ? ""
                    : d.repositories().size() + " repositories: ") + joined(listed(names, "more")) + ".");
        }
        return s;
    }

    /** "40% more than", "about", "30% fewer than". */
    static String compared(double value, double average, String more, String fewer) {
        double change = (value - average) / average;
        if (Math.abs(change) < ABOUT) {
            return "about";
        }
        return Math.round(Math.abs(change) * 100) + "% " + (change > 0 ? more : fewer) + " than";
    }

    static String typeLabel(CommitType type, long n) {
        boolean one = n == 1;
        return switch (type) {
            case FEAT -> one ? "feature" : "features";
            case FIX -> one ? "fix" : "fixes";
            case REFACTOR -> one ? "refactoring" : "refactorings";
            case PERF -> one ? "performance change" : "performance changes";
            case TEST -> one ? "test change" : "test changes";
            case DOCS -> one ? "documentation change" : "documentation changes";
            case STYLE -> one ? "style change" : "style changes";
            case BUILD -> one ? "build change" : "build changes";
            case CI -> one ? "CI change" : "CI changes";
            case CHORE -> one ? "chore" : "chores";
            case REVERT -> one ? "revert" : "reverts";
            case OTHER -> one ? "other commit" : "other commits";
        };
    }

    static String toolLabel(DetectionKind kind) {
        return switch (kind) {
            case DOCKERFILE -> "a Dockerfile";
            case HELM_CHART -> "a Helm chart";
            case TERRAFORM_MODULE -> "a Terraform module";
            case CI_PIPELINE -> "a CI pipeline";
            case PACKAGE -> "a package";
        };
    }

    private static List<String> listed(List<String> items, String more) {
        if (items.size() <= LISTED) {
            return items;
        }
        List<String> out = new ArrayList<>(items.subList(0, LISTED - 1));
        out.add((items.size() - LISTED + 1) + " " + more);
        return out;
    }

    /** "a", "a and b", "a, b and c". */
    static String joined(List<String> items) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    static String times(long n) {
        return n == 1 ? "once" : number(n) + " times";
    }

    static String count(long n, String unit) {
        return number(n) + " " + unit + (n == 1 ? "" : "s");
    }

    static String number(long n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }

    static String decimal(double d) {
        return String.format(Locale.ENGLISH, "%,.1f", d);
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
