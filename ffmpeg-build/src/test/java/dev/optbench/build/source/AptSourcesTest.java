package dev.optbench.build.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** deb-src entries derived from binary sources as Debian 12 and Ubuntu 24.04 ship them. */
class AptSourcesTest {
  private static final OsRelease BOOKWORM =
      OsRelease.parse(
          "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_CODENAME=bookworm\n");

  @Test
  void debian12Deb822KeepsMirrorSuitesComponentsAndKey() {
    String debSrc =
        new AptSources()
            .addDeb822(
                """
                Types: deb
                # http://snapshot.debian.org/archive/debian/20250520T000000Z
                URIs: http://deb.debian.org/debian
                Suites: bookworm bookworm-updates
                Components: main
                Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

                Types: deb
                URIs: http://deb.debian.org/debian-security
                Suites: bookworm-security
                Components: main
                Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
                """)
            .debSrcFor(BOOKWORM);
    assertThat(debSrc)
        .isEqualTo(
            """
            Types: deb-src
            URIs: http://deb.debian.org/debian
            Suites: bookworm bookworm-updates
            Components: main
            Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

            Types: deb-src
            URIs: http://deb.debian.org/debian-security
            Suites: bookworm-security
            Components: main
            Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
            """);
  }

  @Test
  void oneLineFormatWithOptionsAndThirdPartyRepositoriesLeftOut() {
    String debSrc =
        new AptSources()
            .addList(
                """
                # mirror chosen at install
                deb [arch=amd64 signed-by=/etc/apt/keyrings/mirror.gpg] http://ftp.de.debian.org/debian bookworm main contrib
                deb-src http://ftp.de.debian.org/debian bookworm main
                deb https://deb.nodesource.com/node_20.x nodistro main
                deb http://ftp.de.debian.org/debian bookworm-backports main
                deb http://example.org/flat ./
                """)
            .debSrcFor(BOOKWORM);
    assertThat(debSrc)
        .isEqualTo(
            """
            Types: deb-src
            URIs: http://ftp.de.debian.org/debian
            Suites: bookworm
            Components: main contrib
            Signed-By: /etc/apt/keyrings/mirror.gpg
            """);
  }

  @Test
  void ubuntuDerivativeUsesUbuntuCodenameAndKeepsUniverse() {
    OsRelease mint =
        OsRelease.parse(
            "ID=linuxmint\nID_LIKE=\"ubuntu debian\"\nVERSION_CODENAME=wilma\nUBUNTU_CODENAME=noble\n");
    String debSrc =
        new AptSources()
            .addList(
                "deb http://packages.linuxmint.com wilma main upstream\n"
                    + "deb http://archive.ubuntu.com/ubuntu noble main restricted universe\n")
            .debSrcFor(mint);
    assertThat(debSrc)
        .contains("URIs: http://archive.ubuntu.com/ubuntu\nSuites: noble\n")
        .contains("Components: main restricted universe")
        .doesNotContain("linuxmint");
  }

  @Test
  void disabledStanzasAndInlineKeysAreHandled() {
    String debSrc =
        new AptSources()
            .addDeb822(
                """
                Types: deb
                URIs: http://old.example/debian
                Suites: bookworm
                Components: main
                Enabled: no

                Types: deb deb-src
                URIs: http://deb.debian.org/debian
                Suites: bookworm
                Components: main
                Signed-By:
                 -----BEGIN PGP PUBLIC KEY BLOCK-----
                 .
                 mDMEZ
                 -----END PGP PUBLIC KEY BLOCK-----
                """)
            .debSrcFor(BOOKWORM);
    assertThat(debSrc)
        .doesNotContain("old.example")
        .endsWith(
            "Signed-By:\n -----BEGIN PGP PUBLIC KEY BLOCK-----\n .\n mDMEZ\n"
                + " -----END PGP PUBLIC KEY BLOCK-----\n");
  }

  @Test
  void noSuiteOfThisReleaseFallsBackToTheDistributionsArchive() {
    String debSrc =
        new AptSources()
            .addList("deb http://deb.debian.org/debian stable main\n")
            .debSrcFor(BOOKWORM);
    assertThat(debSrc)
        .contains("URIs: http://deb.debian.org/debian\nSuites: bookworm bookworm-updates\n")
        .contains("Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg");
  }

  @Test
  void unknownDistributionGivesNothing() {
    OsRelease fedora = OsRelease.parse("ID=fedora\nVERSION_ID=41\n");
    assertThat(new AptSources().debSrcFor(fedora)).isEmpty();
    assertThat(new AptSources().debSrcFor(OsRelease.parse(""))).isEmpty();
  }
}
