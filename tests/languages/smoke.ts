// Calls the emulator through the generated typescript-fetch client: argv is base URL, client ID,
// client secret. Prints what came back as one JSON line for tests/languages to check.
import { AppTokenApi, Configuration, UsersApi } from "./client/index";

declare const process: { argv: string[]; exitCode: number };

async function main(): Promise<void> {
    const [basePath, clientId, clientSecret] = process.argv.slice(2);
    const token = await new AppTokenApi(new Configuration({ basePath })).createAppToken({
        tokenRequest: {
            grant_type: "client_credentials",
            client_id: clientId,
            client_secret: clientSecret,
        },
    });
    const users = new UsersApi(new Configuration({ basePath, accessToken: token.access_token }));
    // The array form of the oneOf body (one object or 1 to 60 objects).
    const registered = await users.registerUsers({
        registerUsersRequest: [{ username: "ts-alice" }, { username: "ts-bob", nickname: "Bob" }],
    });
    const fetched = await users.getUser({ username: "ts-bob" });
    console.log(
        JSON.stringify({
            registered: registered.entities.map((user) => user.username),
            failures: registered.data,
            fetched: fetched.entities.map((user) => [user.username, user.nickname]),
        }),
    );
}

main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
});
