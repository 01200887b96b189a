// Calls the emulator through the generated typescript-fetch client: argv is base URL, client ID,
// client secret. Prints what came back as one JSON line for tests/languages to check.
import { AppTokenApi, Configuration, ResponseError, UsersApi } from "./client/src/index";
import type { ErrorResponse } from "./client/src/index";

declare const process: { argv: string[]; exitCode: number };

// The README's pattern for the service's error body: typescript-fetch throws ResponseError for
// any status outside 2xx and leaves the body unread.
async function errorBody(error: unknown): Promise<ErrorResponse | undefined> {
    if (!(error instanceof ResponseError)) return undefined;
    return (await error.response.json().catch(() => undefined)) as ErrorResponse | undefined;
}

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
    const missing = await users.getUser({ username: "ts-nobody" }).then(() => undefined, errorBody);
    console.log(
        JSON.stringify({
            registered: registered.entities.map((user) => user.username),
            failures: registered.data,
            fetched: fetched.entities.map((user) => [user.username, user.nickname]),
            missing: missing?.error,
        }),
    );
}

main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
});
