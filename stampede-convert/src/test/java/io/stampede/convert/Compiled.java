package io.stampede.convert;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles a written scenario against stampede-api, as the CLI does: the test of "it compiles". */
final class Compiled {
    private Compiled() {
    }

    /** @return the compiler's messages; empty when it compiled without an error */
    static String errors(String className, String source, Path dir) throws IOException {
        Path file = dir.resolve(className + ".java");
        Files.writeString(file, source, StandardCharsets.UTF_8);
        String api = Path.of(io.stampede.HttpUser.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter messages = new StringWriter();
        boolean ok = javac.getTask(messages, null, null, List.of("-classpath", api, "-d", dir.resolve("classes").toString(),
                "-proc:none"), null, javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(file)).call();
        return ok ? "" : messages.toString();
    }
}
