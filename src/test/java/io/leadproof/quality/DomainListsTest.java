package io.leadproof.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DomainListsTest {

    @Test
    void theBundledListsHoldThePublicDisposableListAndTheFreeMailProviders() {
        DomainLists lists = DomainLists.bundled();
        assertThat(lists.disposable()).hasSizeGreaterThan(8000).contains("mailinator.com", "guerrillamail.com");
        assertThat(lists.freeMail()).contains("gmail.com", "web.de", "qq.com").doesNotContain("mailinator.com");
        assertThat(lists.isDisposable("x.y.mailinator.com")).isTrue();
        assertThat(lists.isDisposable("com")).isFalse();
        assertThat(lists.isFreeMail("acme.com")).isFalse();
    }

    @Test
    void aDeploymentRefreshesAListFromAFileWithoutARelease(@TempDir Path dir) throws IOException {
        Path disposable = Files.writeString(dir.resolve("disposable.conf"), "# refreshed today\n\nNewThrowaway.io\n  burner.example  \n");

        DomainLists lists = DomainLists.read(disposable, null);

        assertThat(lists.disposable()).containsExactlyInAnyOrder("newthrowaway.io", "burner.example");
        assertThat(lists.freeMail()).isEqualTo(DomainLists.bundled().freeMail());
        assertThat(new EmailCheck(lists).check("ada@newthrowaway.io", null).status()).isEqualTo(QualityStatus.INVALID);
    }
}
