package io.stampede.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What -Dstampede.scenario may name, in a project's folders. */
class ScenarioTest {
    @TempDir
    Path basedir;

    @Test
    void aSimpleNameIsLookedUpAmongTheCompiledTestClasses() throws Exception {
        Path classes = basedir.resolve("target/test-classes");
        Files.createDirectories(classes.resolve("com/acme/load"));
        Files.write(classes.resolve("com/acme/load/ShopUser.class"), new byte[] {1});
        assertThat(Scenario.find("ShopUser", basedir, classes)).isEqualTo(new Scenario("com.acme.load.ShopUser", "ShopUser"));
        assertThat(Scenario.find("com.acme.load.ShopUser", basedir, classes))
                .isEqualTo(new Scenario("com.acme.load.ShopUser", "ShopUser"));
    }

    @Test
    void aMissingOrAmbiguousNameSaysSo() throws Exception {
        Path classes = basedir.resolve("target/test-classes");
        Files.createDirectories(classes.resolve("a"));
        Files.createDirectories(classes.resolve("b"));
        Files.write(classes.resolve("a/User.class"), new byte[] {1});
        Files.write(classes.resolve("b/User.class"), new byte[] {1});
        assertThatThrownBy(() -> Scenario.find("Nobody", basedir, classes)).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("stampede: no class Nobody in ");
        assertThatThrownBy(() -> Scenario.find("User", basedir, classes)).hasMessageContaining("2 classes named User");
    }

    @Test
    void aJavaFileOrAFolderGoesToTheCommandAsAPath() throws Exception {
        Path load = Files.createDirectories(basedir.resolve("src/load"));
        Files.writeString(load.resolve("Shop.java"), "class Shop {}");
        assertThat(Scenario.find("src/load/Shop.java", basedir, basedir))
                .isEqualTo(new Scenario(load.resolve("Shop.java").toString(), "Shop"));
        assertThat(Scenario.find("src/load", basedir, basedir)).isEqualTo(new Scenario(load.toString(), "load"));
        assertThatThrownBy(() -> Scenario.find("src/load/Gone.java", basedir, basedir))
                .hasMessageStartingWith("stampede: scenario file not found: ");
    }
}
