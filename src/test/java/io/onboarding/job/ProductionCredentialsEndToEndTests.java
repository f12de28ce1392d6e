package io.onboarding.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.onboarding.google.GoogleAuthException;
import io.onboarding.google.TestServiceAccount;
import io.onboarding.sandbox.RecordedRequest;
import io.onboarding.sandbox.SandboxTokens;
import io.onboarding.sandbox.TestTokens.Refusal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * A production-mode run end to end through google-auth: a service-account key file, the JWT-bearer
 * token request to the key file's {@code token_uri} (the sandbox), and the API calls with that token.
 */
class ProductionCredentialsEndToEndTests {

    /** The {@code aud} google-auth signs into every assertion, whatever the key file's token_uri says. */
    private static final String GOOGLE_TOKEN_AUDIENCE = "https://oauth2.googleapis.com/token";

    @TempDir
    Path tmp;

    @Test
    void signsOneAssertionAsTheServiceAccountForTheAdminAndEveryCallCarriesTheTokenItGot() throws Exception {
        try (ProductionApplication app = new ProductionApplication(tmp)) {
            // when
            JobExecution execution = app.run(app.fixture("e2e.csv"));

            // then the run finished, having asked for a token once for all its calls
            assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(app.sandbox.tokens().assertions()).hasSize(1);
            assertThat(app.sandbox.tokens().issued()).hasSize(1);
            assertThat(app.sandbox.requests()).filteredOn(request -> request.call().equals("token")).hasSize(1);

            // and the assertion is signed with the key file's key, RS256, by the service account for the admin
            String assertion = app.sandbox.tokens().assertions().get(0);
            assertThat(TestServiceAccount.signatureVerifies(assertion, app.account.publicKey())).isTrue();
            assertThat(TestServiceAccount.signatureVerifies(assertion, new TestServiceAccount().publicKey())).isFalse();
            assertThat(TestServiceAccount.header(assertion)).containsEntry("alg", "RS256")
                    .containsEntry("kid", TestServiceAccount.PRIVATE_KEY_ID);
            Map<String, Object> claims = TestServiceAccount.claims(assertion);
            assertThat(claims).containsEntry("iss", TestServiceAccount.CLIENT_EMAIL)
                    .containsEntry("sub", ProductionApplication.ADMIN)
                    // google-auth 1.52 always signs Google's token endpoint as the audience (which is what
                    // Google checks, and the token_uri of every real key file), not a custom token_uri.
                    .containsEntry("aud", GOOGLE_TOKEN_AUDIENCE);
            assertThat(Arrays.asList(((String) claims.get("scope")).split(" ")))
                    .containsExactlyInAnyOrderElementsOf(TestServiceAccount.SCOPES);
            long issuedAt = ((Number) claims.get("iat")).longValue();
            assertThat(((Number) claims.get("exp")).longValue() - issuedAt).isEqualTo(3600);
            assertThat(issuedAt).isBetween(Instant.now().getEpochSecond() - 120, Instant.now().getEpochSecond());

            // and every API call carried the token the endpoint issued
            String issued = app.sandbox.tokens().issued().get(0).fingerprint();
            List<RecordedRequest> apiCalls = app.sandbox.requests().stream()
                    .filter(request -> !request.call().equals("token")).toList();
            assertThat(apiCalls).hasSizeGreaterThanOrEqualTo(10)
                    .allSatisfy(request -> assertThat(request.authorisedBy()).isEqualTo(issued));
            assertThat(app.sandbox.accounts().user("admin@sprachschule-koenig.de").orElseThrow().superAdmin()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Refusal.class)
    void aRefusedTokenFailsTheRunBeforeAnyRowAndSaysWhatToAuthoriseThenTheSameRunResumes(Refusal refusal)
            throws Exception {
        try (ProductionApplication app = new ProductionApplication(tmp)) {
            // given Google refuses the service account a token
            app.sandbox.tokens().refuse(refusal);
            Path input = app.fixture("e2e.csv");

            // when
            JobExecution failed = app.run(input);

            // then the run stopped without a single API call, so no row was provisioned
            assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(app.sandbox.requests()).isNotEmpty().extracting(RecordedRequest::call).containsOnly("token");
            assertThat(app.sandbox.accounts().customers()).hasSize(1);
            // and its failure says where to authorise which client for which scopes
            GoogleAuthException problem = authProblem(failed);
            assertThat(problem.getMessage()).contains("Security > API controls > Domain-wide delegation",
                    "client ID " + TestServiceAccount.CLIENT_ID, String.join(",", TestServiceAccount.SCOPES));
            if (refusal == Refusal.INVALID_GRANT) {
                assertThat(problem.getMessage()).contains("invalid_grant", ProductionApplication.ADMIN);
            }
            assertThat(problem.getMessage()).doesNotContain(app.sandbox.tokens().assertions().get(0));
            // and the run's summary gives that explanation, not the chunk failure wrapping it
            assertThat(app.summary(failed).failures()).containsExactly(problem.getMessage());
            assertThat(app.summary(failed).problem()).doesNotContain("FatalStepExecutionException");

            // when the delegation is fixed and the same run is started again
            app.sandbox.tokens().refuse(null);
            JobExecution resumed = app.run(input);

            // then it resumes the same run and provisions every row once
            assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(resumed.getJobInstanceId()).isEqualTo(failed.getJobInstanceId());
            assertThat(app.summary(resumed).failures()).as("the failed execution's explanation is not the resumed one's")
                    .isEmpty();
            assertThat(app.sandbox.requests()).filteredOn(request -> request.call().equals("customers.insert"))
                    .extracting(request -> request.authorisedBy())
                    .hasSize(5)
                    .containsOnly(SandboxTokens.fingerprint(app.sandbox.tokens().issued().get(0).value()));
        }
    }

    private static GoogleAuthException authProblem(JobExecution execution) {
        for (Throwable failure : execution.getAllFailureExceptions()) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof GoogleAuthException auth) {
                    return auth;
                }
            }
        }
        throw new AssertionError("no GoogleAuthException among " + execution.getAllFailureExceptions());
    }
}
