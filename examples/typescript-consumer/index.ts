// An orders API in TypeScript, built only from stackguard's components through their generated SDK
// (`pulumi package add ../../components`): KMS keys, a private REST API behind a WAF, VPC endpoints,
// a rotated secret store and the security alarms. Gate it with
//   pulumi preview --policy-pack ../../policies/pack --policy-pack-config ../../policies/profiles/prod.json
// Set `orders-api-ts:weakening` to `without-waf` to see one named opt-out reported as acknowledged risk.
import * as pulumi from "@pulumi/pulumi";
import * as stackguard from "@pulumi/stackguard";

const config = new pulumi.Config();
const aws = new pulumi.Config("aws");
const region = aws.require("region");
const account = aws.requireObject<string[]>("allowedAccountIds")[0];
const weakening = config.get("weakening");
const tags = { project: pulumi.getProject(), environment: pulumi.getStack(), "guarded-by": "stackguard" };
const keyAdmins = [`arn:aws:iam::${account}:role/platform-key-admins`];

// One key for data (the partner secret), one for telemetry (logs, undelivered alerts), one for the alert topic only.
const dataKey = new stackguard.EncryptionKey("data", {
    alias: "alias/orders-api-ts-data", description: "Partner API credential",
    administrators: keyAdmins, servicePrincipals: ["secretsmanager.amazonaws.com"],
    accountId: account, region, tags,
});
const telemetryKey = new stackguard.EncryptionKey("telemetry", {
    alias: "alias/orders-api-ts-telemetry", description: "API and WAF logs; undelivered security alerts",
    administrators: keyAdmins, servicePrincipals: [`logs.${region}.amazonaws.com`, "events.amazonaws.com"],
    accountId: account, region, tags,
});
const alertsKey = new stackguard.EncryptionKey("alerts", {
    alias: "alias/orders-api-ts-alerts", description: "Security alert topic only",
    administrators: keyAdmins, servicePrincipals: ["cloudwatch.amazonaws.com", "events.amazonaws.com"],
    accountId: account, region, tags,
});

// API Gateway's CloudWatch role: a REST stage with logging needs it, once per account and region.
new stackguard.ApiGatewayAccount("apigateway", { tags });

// The API is PRIVATE: callers in the VPC reach it through the execute-api endpoint.
const endpoints = new stackguard.PrivateEndpoints("private", {
    vpcId: config.require("vpcId"), vpcCidr: config.require("vpcCidr"),
    subnetIds: config.requireObject<string[]>("privateSubnetIds"),
    routeTableIds: config.requireObject<string[]>("routeTableIds"),
    interfaceServices: ["execute-api", "secretsmanager", "kms", "logs", "sts"],
    executeApiPrivateDns: true, region, tags,
});

// The partner credential: read only by the handler's role, rotated by the rotator (deployed by its own stack).
const secret = new stackguard.SecretStore("partner-api-key", {
    kmsKeyArn: dataKey.keyArn, accountId: account, secretName: "orders-api-ts/partner-api-key",
    description: "Partner API credential",
    readerRoleArns: [`arn:aws:iam::${account}:role/orders-handler`],
    rotation: {
        rotationLambdaArn: `arn:aws:lambda:${region}:${account}:function:partner-key-rotator`,
        rotationRoleArn: `arn:aws:iam::${account}:role/partner-key-rotator`,
    },
    tags,
});

const waf = new stackguard.WebAcl("edge-shield", {
    kmsKeyArn: telemetryKey.keyArn, rateLimit: { limit: 1000 }, logging: { retentionInDays: 365 }, tags,
});

const api = new stackguard.RestApi("orders-api", {
    kmsKeyArn: telemetryKey.keyArn, description: "Orders API (TypeScript consumer)",
    endpointType: stackguard.EndpointType.PRIVATE,
    vpcEndpointIds: [endpoints.executeApiEndpointId.apply(id => id!)],
    routes: [{
        path: "/orders", httpMethod: stackguard.HttpMethod.GET,
        authorization: stackguard.RouteAuthorization.AWS_IAM,
        integration: { lambdaArn: `arn:aws:lambda:${region}:${account}:function:orders-handler` },
    }],
    throttling: { burstLimit: 50, rateLimit: 25 },
    accessLogs: { retentionInDays: 365 },
    ...(weakening === "without-waf"
        ? { allowWithoutWaf: { reason: "a PRIVATE API reached only from the VPC, WAF pending", owner: "platform-team" } }
        : { webAclArn: waf.webAclArn }),
    tags,
});

// Alarms for the stage, named by the ids its metrics and access log carry.
const monitoring = new stackguard.SecurityMonitoring("security", {
    kmsKeyArn: alertsKey.keyArn, deadLetterKmsKeyArn: telemetryKey.keyArn,
    api: { restApiName: api.apiName, stageName: api.stageName, accessLogGroupName: api.accessLogGroupName },
    webAclName: waf.webAclName,
    subscriptions: [{ protocol: stackguard.SubscriptionProtocol.Email, endpoint: "api-oncall@example.com" }],
    accountId: account, region, tags,
});

export const apiUrl = api.invokeUrl;
export const secretArn = secret.secretArn;
export const webAclArn = waf.webAclArn;
export const alertTopicArn = monitoring.topicArn;
