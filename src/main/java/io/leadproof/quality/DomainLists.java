package io.leadproof.quality;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The domain lists the email check needs: disposable-mail domains and free-mail providers. A domain matches when it
 * is in the list or is a subdomain of one that is ({@code x.mailinator.com} is disposable).
 *
 * <p>{@link #bundled()} reads the lists shipped as resources: {@code quality/disposable_email_blocklist.conf} (the
 * CC0 list of github.com/disposable-email-domains, licence beside it) and {@code quality/free_mail_domains.txt}
 * (hand-kept). {@link #read(Path, Path)} reads replacements from files, so that a deployment refreshes them without a
 * release: the wiring reloads on a schedule and hands the checks the new instance. Files are one domain a line;
 * blank lines and lines starting with # are ignored; domains are lower-cased.
 */
public record DomainLists(Set<String> disposable, Set<String> freeMail) {

    static final String DISPOSABLE_RESOURCE = "/quality/disposable_email_blocklist.conf";
    static final String FREE_MAIL_RESOURCE = "/quality/free_mail_domains.txt";

    public DomainLists {
        disposable = Set.copyOf(disposable);
        freeMail = Set.copyOf(freeMail);
    }

    public static DomainLists bundled() {
        return new DomainLists(resource(DISPOSABLE_RESOURCE), resource(FREE_MAIL_RESOURCE));
    }

    /** Lists from files; a null path keeps the bundled list of that kind. */
    public static DomainLists read(Path disposableFile, Path freeMailFile) throws IOException {
        var bundled = bundled();
        return new DomainLists(disposableFile == null ? bundled.disposable() : file(disposableFile),
                freeMailFile == null ? bundled.freeMail() : file(freeMailFile));
    }

    public boolean isDisposable(String domain) {
        return matches(disposable, domain);
    }

    public boolean isFreeMail(String domain) {
        return matches(freeMail, domain);
    }

    private static boolean matches(Set<String> list, String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        while (true) {
            if (list.contains(d)) {
                return true;
            }
            int dot = d.indexOf('.');
            if (dot < 0 || d.indexOf('.', dot + 1) < 0) {
                return false;
            }
            d = d.substring(dot + 1);
        }
    }

    static Set<String> parse(InputStream in) throws IOException {
        var domains = new HashSet<String>();
        try (var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                String d = line.strip().toLowerCase(Locale.ROOT);
                if (!d.isEmpty() && !d.startsWith("#")) {
                    domains.add(d);
                }
            }
        }
        return domains;
    }

    private static Set<String> file(Path path) throws IOException {
        try (var in = Files.newInputStream(path)) {
            return parse(in);
        }
    }

    private static Set<String> resource(String name) {
        try (var in = DomainLists.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
