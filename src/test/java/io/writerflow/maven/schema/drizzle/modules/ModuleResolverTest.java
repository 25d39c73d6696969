package io.writerflow.maven.schema.drizzle.modules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModuleResolverTest {

    @TempDir
    Path project;

    private Path write(String path, String content) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    private Resolution resolve(Path importer, String specifier) {
        return new ModuleResolver().resolve(importer, specifier);
    }

    @Test
    void relativeImportsFindTypeScriptAsDrizzleKitsLoaderDoes() throws IOException {
        Path schema = write("src/db/schema.ts", "");
        Path users = write("src/db/users.ts", "");
        Path index = write("src/db/tables/index.ts", "");
        Path mts = write("src/db/posts.mts", "");

        assertEquals(new Resolution.ProjectFile(users), resolve(schema, "./users"));
        assertEquals(new Resolution.ProjectFile(users), resolve(schema, "./users.js"), "NodeNext's .js for .ts");
        assertEquals(new Resolution.ProjectFile(users), resolve(schema, "./users.ts"));
        assertEquals(new Resolution.ProjectFile(index), resolve(schema, "./tables"), "a directory's index.ts");
        assertEquals(new Resolution.ProjectFile(mts), resolve(schema, "./posts.mjs"));
        Resolution missing = resolve(schema, "./nothing");
        assertInstanceOf(Resolution.Missing.class, missing);
        assertTrue(((Resolution.Missing) missing).looked().contains(project.resolve("src/db/nothing.ts")));
    }

    @Test
    void tsconfigPathsAndBaseUrlThroughExtends() throws IOException {
        write("tsconfig.base.json", """
                {
                  // comments and trailing commas, as TypeScript allows
                  "compilerOptions": {
                    "baseUrl": ".",
                    "paths": { "@/*": ["./src/*"], "~db": ["./src/db/index.ts"], },
                  },
                }
                """);
        write("tsconfig.json", "{ \"extends\": \"./tsconfig.base\", \"compilerOptions\": { \"strict\": true } }");
        Path schema = write("src/db/schema.ts", "");
        Path users = write("src/db/users.ts", "");
        Path dbIndex = write("src/db/index.ts", "");
        Path util = write("lib/util.ts", "");

        assertEquals(new Resolution.ProjectFile(users), resolve(schema, "@/db/users"));
        assertEquals(new Resolution.ProjectFile(dbIndex), resolve(schema, "~db"));
        assertEquals(new Resolution.ProjectFile(util), resolve(schema, "lib/util"), "baseUrl");
        assertEquals(new Resolution.Package("nanoid"), resolve(schema, "nanoid"));
        assertInstanceOf(Resolution.Missing.class, resolve(schema, "@/db/nothing"));
    }

    @Test
    void tsconfigExtendedFromAPackage() throws IOException {
        write("node_modules/@acme/tsconfig/base.json",
                "{ \"compilerOptions\": { \"paths\": { \"#db/*\": [\"./db/*\"] }, \"experimentalDecorators\": true } }");
        write("tsconfig.json", "{ \"extends\": \"@acme/tsconfig/base.json\" }");
        Path schema = write("schema.ts", "");

        ModuleResolver resolver = new ModuleResolver();
        assertTrue(resolver.tsConfig(schema).orElseThrow().experimentalDecorators());
        // paths set in the package's file are relative to that file
        assertEquals(project.resolve("node_modules/@acme/tsconfig/db/users"),
                resolver.tsConfig(schema).orElseThrow().pathCandidates("#db/users").get(0));
    }

    @Test
    void workspacePackagesLinkedIntoNodeModulesAreProjectFiles() throws IOException {
        Path dbIndex = write("packages/db/src/index.ts", "");
        Path dbUsers = write("packages/db/src/users.ts", "");
        write("packages/db/package.json", """
                { "name": "@acme/db", "exports": { ".": { "types": "./src/index.ts", "import": "./dist/index.js" },
                  "./users": "./src/users.ts" } }
                """);
        Path app = write("apps/web/src/schema.ts", "");
        Files.createDirectories(project.resolve("node_modules/@acme"));
        Files.createSymbolicLink(project.resolve("node_modules/@acme/db"), project.resolve("packages/db"));
        write("node_modules/nanoid/package.json", "{ \"name\": \"nanoid\", \"main\": \"index.js\" }");
        write("node_modules/nanoid/index.js", "");

        assertEquals(new Resolution.ProjectFile(dbIndex), resolve(app, "@acme/db"));
        assertEquals(new Resolution.ProjectFile(dbUsers), resolve(app, "@acme/db/users"));
        assertEquals(new Resolution.Package("nanoid"), resolve(app, "nanoid"), "an installed npm package");
    }

    @Test
    void builtinsAndDrizzle() throws IOException {
        Path schema = write("schema.ts", "");
        assertEquals(new Resolution.Builtin("crypto"), resolve(schema, "node:crypto"));
        assertEquals(new Resolution.Builtin("path"), resolve(schema, "path"));
        assertEquals(new Resolution.Drizzle("drizzle-orm/sqlite-core"), resolve(schema, "drizzle-orm/sqlite-core"));
    }
}
