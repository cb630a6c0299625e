package dev.commitstats.core.mining;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.commitstats.core.testing.GitOracle;
import dev.commitstats.core.testing.GitRepoBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectInserter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Mailmap} against {@code git check-mailmap}, which reads the same text as a blob ({@code mailmap.blob}) and
 * prints each contact as git maps it: every form of {@code gitmailmap(5)}, comments, case, and git's quirks.
 */
class MailmapTest {

    @TempDir
    static Path tmp;

    /** A bare repository to hold the mailmap blobs that git reads. */
    private static Path gitDir;

    @BeforeAll
    static void repository() throws Exception {
        try (GitRepoBuilder repo = GitRepoBuilder.initBare(tmp.resolve("blobs"))) {
            gitDir = repo.gitDir();
        }
    }

    /** Maps each contact ({@code Name <email>}) with {@code mailmap} as git does, and checks it against git. */
    private static void assertMapsAsGit(String mailmap, String... contacts) throws Exception {
        assertMapsAsGit(mailmap, List.of(contacts));
    }

    private static void assertMapsAsGit(String mailmap, List<String> contacts) throws Exception {
        String blob;
        try (GitRepoBuilder repo = GitRepoBuilder.openBare(gitDir);
             ObjectInserter inserter = repo.repository().newObjectInserter()) {
            blob = inserter.insert(Constants.OBJ_BLOB, mailmap.getBytes(StandardCharsets.UTF_8)).name();
            inserter.flush();
        }
        List<String> git = GitOracle.checkMailmap(gitDir, blob, contacts);
        Mailmap ours = Mailmap.parse(mailmap);
        List<String> mapped = new ArrayList<>();
        for (String contact : contacts) {
            int lt = contact.indexOf('<');
            Mailmap.Identity id = ours.map(contact.substring(0, lt).trim(), contact.substring(lt + 1, contact.length() - 1));
            mapped.add((id.name().isEmpty() ? "" : id.name() + " ") + "<" + id.email() + ">");
        }
        assertThat(mapped).as("mailmap:%n%s", mailmap).isEqualTo(git);
    }

    @Test
    void aProperNameForACommitEmailReplacesTheNameOnly() throws Exception {
        assertMapsAsGit("Proper Name <commit@email.xx>\n",
                "Old Name <commit@email.xx>", "Old Name <other@email.xx>");
    }

    @Test
    void aProperEmailForACommitEmailReplacesTheEmailOnly() throws Exception {
        assertMapsAsGit("<proper@email.xx> <commit@email.xx>\n",
                "Old Name <commit@email.xx>", "<commit@email.xx>", "Old Name <other@email.xx>");
    }

    @Test
    void aProperNameAndEmailForACommitEmailReplaceBoth() throws Exception {
        assertMapsAsGit("Proper Name <proper@email.xx> <commit@email.xx>\n",
                "Old Name <commit@email.xx>", "Another <commit@email.xx>");
    }

    @Test
    void aCommitNameAndEmailEntryMapsThatNameOnly() throws Exception {
        assertMapsAsGit("Proper Name <proper@email.xx> Commit Name <commit@email.xx>\n",
                "Commit Name <commit@email.xx>", "Someone Else <commit@email.xx>");
    }

    @Test
    void otherNamesFallBackToTheEntryForTheEmailAlone() throws Exception {
        assertMapsAsGit("""
                Simple <simple@x.org> <commit@x.org>
                Joe <joe@x.org> Joe <commit@x.org>
                Jane <jane@x.org> Jane <commit@x.org>
                """, "Joe <commit@x.org>", "jane <commit@x.org>", "Bot <commit@x.org>");
    }

    @Test
    void namesAndEmailsMatchCaseInsensitivelyInAsciiOnly() throws Exception {
        assertMapsAsGit("""
                Proper Name <proper@email.xx> CoMmIt NaMe <CoMmIt@EmAiL.xX>
                Émile <emile@x.org> <ÉMILE@x.org>
                """, "commit name <commit@email.xx>", "COMMIT NAME <COMMIT@EMAIL.XX>", "E <émile@x.org>",
                "E <ÉMILE@X.ORG>");
    }

    @Test
    void theMappedEmailKeepsTheCaseTheMailmapWritesItIn() throws Exception {
        assertMapsAsGit("<Proper@Email.XX> <commit@email.xx>\n", "A <commit@email.xx>");
    }

    @Test
    void linesStartingWithAHashAreCommentsAndLaterHashesAreText() throws Exception {
        assertMapsAsGit("""
                # Commented <commented@x.org> <a@x.org>

                Trailing <trailing@x.org> <b@x.org> # an old address
                  # Indented <indented@x.org> <c@x.org>
                Proper <proper@x.org> # was <d@x.org>
                """, "A <a@x.org>", "B <b@x.org>", "C <c@x.org>", "D <d@x.org>", "was <d@x.org>");
    }

    @Test
    void entriesForOneEmailCombineAndLaterOnesWin() throws Exception {
        assertMapsAsGit("""
                First Name <commit@x.org>
                <proper@x.org> <commit@x.org>
                Second Name <COMMIT@x.org>
                One <one@x.org> Joe <commit@x.org>
                Two <two@x.org> JOE <commit@x.org>
                """, "Someone <commit@x.org>", "Joe <commit@x.org>");
    }

    @Test
    void crlfLineEndingsAndTabsAreWhitespace() throws Exception {
        assertMapsAsGit("Proper\t Name \t<proper@x.org>\r\n<p2@x.org>\t<b@x.org>\r\n\tPadded <pad@x.org> Joe\t<c@x.org>\r\n",
                "A <proper@x.org>", "B <b@x.org>", "Joe <c@x.org>");
    }

    @Test
    void linesWithoutAProperEmailAreIgnored() throws Exception {
        assertMapsAsGit("""
                Just A Name
                Empty <> <a@x.org>
                Unclosed <b@x.org
                <> <c@x.org>
                Reversed >d@x.org<
                """, "A <a@x.org>", "B <b@x.org>", "C <c@x.org>", "D <d@x.org>");
    }

    @Test
    void anEmptyCommitEmailIsMatchedToo() throws Exception {
        assertMapsAsGit("Proper <proper@x.org> <>\n", "Nobody <>", "Other <o@x.org>");
    }

    @Test
    void nothingAfterANulCounts() throws Exception {
        assertMapsAsGit("A <a@x.org> <old-a@x.org>\n\0B <b@x.org> <old-b@x.org>\n", "X <old-a@x.org>", "Y <old-b@x.org>");
    }

    @Test
    void anEmptyMailmapMapsNothing() throws Exception {
        assertMapsAsGit("", "A <a@x.org>");
        assertThat(Mailmap.parse("# only a comment\n\n").isEmpty()).isTrue();
    }

    private static final String[] NAMES = {"", "Joe", "joe", "Jane Doe", "JANE DOE", "Émile", "# Hash", "Bot"};
    private static final String[] EMAILS = {"a@x.org", "A@X.ORG", "b@x.org", "émile@x.org", "ÉMILE@x.org", "c@y.net"};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void randomMailmapsMapEveryContactAsGitDoes(long seed) throws Exception {
        Random rnd = new Random(seed);
        StringBuilder mailmap = new StringBuilder();
        for (int i = 0, n = 1 + rnd.nextInt(10); i < n; i++) {
            String pad = rnd.nextInt(4) == 0 ? " \t" : rnd.nextBoolean() ? " " : "";
            String properName = pick(rnd, NAMES);
            String properEmail = rnd.nextInt(8) == 0 ? "" : "proper-" + i + "@" + pick(rnd, EMAILS);
            switch (rnd.nextInt(5)) {
                case 0 -> mailmap.append(pad).append(properName).append(" <").append(pick(rnd, EMAILS)).append('>');
                case 1 -> mailmap.append('<').append(properEmail).append(">").append(pad).append('<')
                        .append(pick(rnd, EMAILS)).append('>');
                case 2 -> mailmap.append(properName).append(" <").append(properEmail).append("> <")
                        .append(pick(rnd, EMAILS)).append('>');
                case 3 -> mailmap.append(properName).append(" <").append(properEmail).append(">").append(pad)
                        .append(pick(rnd, NAMES)).append(pad).append('<').append(pick(rnd, EMAILS)).append('>');
                default -> mailmap.append("# ").append(pick(rnd, NAMES)).append(" <").append(pick(rnd, EMAILS)).append('>');
            }
            mailmap.append(rnd.nextInt(6) == 0 ? " # comment" : "").append(rnd.nextInt(5) == 0 ? "\r\n" : "\n");
        }
        List<String> contacts = new ArrayList<>();
        for (String name : NAMES) {
            for (String email : EMAILS) {
                contacts.add((name.isEmpty() ? "" : name + " ") + "<" + email + ">");
            }
        }
        assertMapsAsGit(mailmap.toString(), contacts);
    }

    private static String pick(Random rnd, String[] values) {
        return values[rnd.nextInt(values.length)];
    }
}
