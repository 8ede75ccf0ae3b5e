import { SOURCES } from "../core/sources";
import { defineWorkloadRule } from "../core/workload-rule";

/** Raised from the connection audit (pg_stat_activity samples) by lib/workload/connection-findings.ts. */
export default defineWorkloadRule({
  id: "connection-password-auth",
  title: "Password connections need IAM authentication tokens",
  severity: "warning",
  effort: "medium",
  docsUrl: SOURCES.TOKEN,
  why: "DSQL has no database passwords: clients authenticate with IAM authentication tokens, valid 15 minutes by default. An application connecting with a password today must generate a token for every new connection (an open connection stays valid after its token expires).",
  fix: "Generate the token in the application with the AWS SDK (DsqlSigner / generate_db_connect_auth_token) or use an AWS DSQL connector for your driver, and make the pool call it for each new connection instead of using a fixed password.",
  catalogRows: [11, "Q:iam-auth-token-lifetime"],
  example: {
    bad: "postgresql://app:s3cret@db:5432/app",
    good: "password = DsqlSigner.getDbConnectAuthToken()  # per new connection, in the pool's connection factory",
  },
});
