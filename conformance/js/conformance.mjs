// The AWS SDK for JavaScript v3 against awssim's loopback server: a second SDK, with its own marshallers,
// checksum defaults and error parsers, reads awssim's wire answers. Run by SimulationServerJsConformanceTest:
//   node conformance.mjs <endpoint>
// Prints one line per check; exits 1 when any check failed. The Java test then reads the simulation's state.
import { createHash } from "node:crypto";
import {
  S3Client, CreateBucketCommand, PutObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command,
  CreateMultipartUploadCommand, UploadPartCommand, CompleteMultipartUploadCommand, DeleteObjectsCommand,
  CopyObjectCommand, PutObjectTaggingCommand, GetObjectTaggingCommand, PutBucketVersioningCommand,
  ListObjectVersionsCommand, DeleteObjectCommand, paginateListObjectsV2, GetBucketLocationCommand,
  HeadBucketCommand, GetObjectAttributesCommand, ListPartsCommand, ListMultipartUploadsCommand,
  AbortMultipartUploadCommand, UploadPartCopyCommand, PutBucketTaggingCommand, GetBucketTaggingCommand,
  GetBucketEncryptionCommand, PutBucketCorsCommand, GetBucketCorsCommand, PutBucketLifecycleConfigurationCommand,
  GetBucketLifecycleConfigurationCommand, DeleteBucketCommand,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { Upload } from "@aws-sdk/lib-storage";
import { Readable } from "node:stream";
import {
  MarketplaceMeteringClient, MeterUsageCommand, BatchMeterUsageCommand, RegisterUsageCommand, ResolveCustomerCommand,
} from "@aws-sdk/client-marketplace-metering";
import {
  ApplicationCostProfilerClient, PutReportDefinitionCommand, GetReportDefinitionCommand,
  ListReportDefinitionsCommand, ImportApplicationUsageCommand,
} from "@aws-sdk/client-applicationcostprofiler";

const endpoint = process.argv[2];
if (!endpoint) {
  console.error("usage: node conformance.mjs <endpoint>");
  process.exit(2);
}
const common = {
  endpoint, region: "us-east-1", maxAttempts: 1,
  credentials: { accessKeyId: "AKIDJAVASCRIPT", secretAccessKey: "secret" },
};
const s3 = new S3Client({ ...common, forcePathStyle: true });
const metering = new MarketplaceMeteringClient(common);
const acp = new ApplicationCostProfilerClient(common);

let failures = 0;
async function check(name, body) {
  try {
    await body();
    console.log(`ok   ${name}`);
  } catch (e) {
    failures++;
    console.log(`FAIL ${name}: ${e && e.stack ? e.stack.split("\n").slice(0, 3).join(" | ") : e}`);
  }
}
function equal(actual, expected, what) {
  const a = JSON.stringify(actual), b = JSON.stringify(expected);
  if (a !== b) throw new Error(`${what}: expected ${b} but was ${a}`);
}
async function rejects(promise, name, status) {
  try {
    await promise;
  } catch (e) {
    if (name !== undefined) equal(e.name, name, "error name");
    if (status !== undefined) equal(e.$metadata.httpStatusCode, status, "HTTP status");
    return e;
  }
  throw new Error(`expected ${name ?? status} but the call succeeded`);
}
const md5 = (b) => `"${createHash("md5").update(b).digest("hex")}"`;

const bucket = "js-conformance";
const text = "héllo from JavaScript";

await check("S3 CreateBucket, then a second time (us-east-1 answers 200 to its owner)", async () => {
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
});

await check("S3 PutObject with the SDK's default CRC32 checksum; GetObject with checksum validation", async () => {
  const put = await s3.send(new PutObjectCommand({
    Bucket: bucket, Key: "docs/ünï cødé+key.txt", Body: text, ContentType: "text/plain; charset=utf-8",
    Metadata: { owner: "js" },
  }));
  equal(put.ETag, md5(Buffer.from(text)), "ETag");
  if (!put.ChecksumCRC32) throw new Error("PutObject answered no ChecksumCRC32");
  const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: "docs/ünï cødé+key.txt", ChecksumMode: "ENABLED" }));
  equal(await got.Body.transformToString(), text, "body");
  equal(got.ContentType, "text/plain; charset=utf-8", "ContentType");
  equal(got.Metadata, { owner: "js" }, "Metadata");
  equal(got.ChecksumCRC32, put.ChecksumCRC32, "ChecksumCRC32");
});

await check("S3 PutObject of a Node.js stream (aws-chunked with a trailing checksum)", async () => {
  const chunks = ["first chunk, ", "second chunk, ", "last"];
  const length = chunks.reduce((n, c) => n + Buffer.byteLength(c), 0);
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: "streamed", Body: Readable.from(chunks), ContentLength: length }));
  const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: "streamed", ChecksumMode: "ENABLED" }));
  equal(await got.Body.transformToString(), chunks.join(""), "body");
  equal(got.ContentLength, length, "ContentLength");
});

await check("S3 keys with XML and URL specials list back as written", async () => {
  const key = "specials/a&b <c> \"d\" 'e' %41+f?.txt";
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: "x" }));
  const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: "specials/" }));
  equal((page.Contents || []).map((o) => o.Key), [key], "keys");
  const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  equal(await got.Body.transformToString(), "x", "body");
});

await check("S3 HeadBucket, GetBucketLocation (us-east-1 is no constraint), and a bucket in another region", async () => {
  await s3.send(new HeadBucketCommand({ Bucket: bucket }));
  const here = await s3.send(new GetBucketLocationCommand({ Bucket: bucket }));
  equal(here.LocationConstraint ?? null, null, "us-east-1 LocationConstraint");
  const eu = new S3Client({ ...common, region: "eu-west-1", forcePathStyle: true });
  await eu.send(new CreateBucketCommand({ Bucket: "js-eu-bucket",
    CreateBucketConfiguration: { LocationConstraint: "eu-west-1" } }));
  const there = await eu.send(new GetBucketLocationCommand({ Bucket: "js-eu-bucket" }));
  equal(there.LocationConstraint, "eu-west-1", "eu-west-1 LocationConstraint");
});

await check("S3 ranged GetObject answers 206 with Content-Range", async () => {
  const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: "docs/ünï cødé+key.txt", Range: "bytes=0-4" }));
  equal(got.$metadata.httpStatusCode, 206, "status");
  equal(got.ContentRange, `bytes 0-4/${Buffer.byteLength(text)}`, "ContentRange");
  equal(await got.Body.transformToString(), "héll", "body");
});

await check("S3 missing keys: GetObject NoSuchKey 404, HeadObject NotFound 404", async () => {
  await rejects(s3.send(new GetObjectCommand({ Bucket: bucket, Key: "missing" })), "NoSuchKey", 404);
  await rejects(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: "missing" })), "NotFound", 404);
  await rejects(s3.send(new GetObjectCommand({ Bucket: "no-such-bucket-js", Key: "k" })), "NoSuchBucket", 404);
});

await check("S3 conditional GetObject: If-None-Match on the current ETag answers 304", async () => {
  const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: "docs/ünï cødé+key.txt" }));
  equal(head.ContentLength, Buffer.byteLength(text), "ContentLength");
  // a 304 has no body, so there is no error code to name it by: the JavaScript SDK calls it "Unknown"
  await rejects(s3.send(new GetObjectCommand({ Bucket: bucket, Key: "docs/ünï cødé+key.txt",
    IfNoneMatch: head.ETag })), undefined, 304);
});

await check("S3 ListObjectsV2 with a delimiter, and the paginator over small pages", async () => {
  for (const k of ["a/1", "a/2", "b/1", "top"]) {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `list/${k}`, Body: k }));
  }
  const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: "list/", Delimiter: "/" }));
  equal((page.CommonPrefixes || []).map((p) => p.Prefix), ["list/a/", "list/b/"], "CommonPrefixes");
  equal((page.Contents || []).map((o) => o.Key), ["list/top"], "Contents");
  const keys = [];
  for await (const p of paginateListObjectsV2({ client: s3, pageSize: 2 }, { Bucket: bucket, Prefix: "list/" })) {
    keys.push(...(p.Contents || []).map((o) => o.Key));
  }
  equal(keys, ["list/a/1", "list/a/2", "list/b/1", "list/top"], "paginated keys");
});

await check("S3 multipart upload: a 5 MiB part and a small last part; the ETag is md5-of-md5s -2", async () => {
  const part1 = Buffer.alloc(5 * 1024 * 1024, 7);
  const part2 = Buffer.from("the end");
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: "multi" }));
  const p1 = await s3.send(new UploadPartCommand({ Bucket: bucket, Key: "multi", UploadId, PartNumber: 1, Body: part1 }));
  const p2 = await s3.send(new UploadPartCommand({ Bucket: bucket, Key: "multi", UploadId, PartNumber: 2, Body: part2 }));
  const done = await s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: "multi", UploadId,
    MultipartUpload: { Parts: [{ PartNumber: 1, ETag: p1.ETag }, { PartNumber: 2, ETag: p2.ETag }] } }));
  const digest = createHash("md5").update(Buffer.concat([
    createHash("md5").update(part1).digest(), createHash("md5").update(part2).digest()])).digest("hex");
  equal(done.ETag, `"${digest}-2"`, "ETag");
  const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: "multi" }));
  equal(head.ContentLength, part1.length + part2.length, "ContentLength");
});

await check("S3 CopyObject, tagging, and DeleteObjects (with the SDK's checksum on the body)", async () => {
  const copy = await s3.send(new CopyObjectCommand({ Bucket: bucket, Key: "copy", CopySource: `${bucket}/list/top` }));
  equal(copy.CopyObjectResult.ETag, md5(Buffer.from("top")), "copied ETag");
  await s3.send(new PutObjectTaggingCommand({ Bucket: bucket, Key: "copy",
    Tagging: { TagSet: [{ Key: "team", Value: "billing" }] } }));
  const tags = await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: "copy" }));
  equal(tags.TagSet, [{ Key: "team", Value: "billing" }], "TagSet");
  const deleted = await s3.send(new DeleteObjectsCommand({ Bucket: bucket,
    Delete: { Objects: [{ Key: "copy" }, { Key: "list/b/1" }, { Key: "never-existed" }] } }));
  equal((deleted.Deleted || []).map((d) => d.Key).sort(), ["copy", "list/b/1", "never-existed"], "Deleted");
});

await check("S3 versioning: versions and delete markers listed", async () => {
  const b = "js-versions";
  await s3.send(new CreateBucketCommand({ Bucket: b }));
  await s3.send(new PutBucketVersioningCommand({ Bucket: b, VersioningConfiguration: { Status: "Enabled" } }));
  const v1 = await s3.send(new PutObjectCommand({ Bucket: b, Key: "k", Body: "one" }));
  await s3.send(new PutObjectCommand({ Bucket: b, Key: "k", Body: "two" }));
  await s3.send(new DeleteObjectCommand({ Bucket: b, Key: "k" }));
  const versions = await s3.send(new ListObjectVersionsCommand({ Bucket: b }));
  equal((versions.Versions || []).length, 2, "versions");
  equal((versions.DeleteMarkers || []).length, 1, "delete markers");
  const old = await s3.send(new GetObjectCommand({ Bucket: b, Key: "k", VersionId: v1.VersionId }));
  equal(await old.Body.transformToString(), "one", "old version");
});

await check("S3 conditional writes: If-None-Match * refuses an existing key with 412, If-Match a stale ETag", async () => {
  const first = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: "once", Body: "1", IfNoneMatch: "*" }));
  await rejects(s3.send(new PutObjectCommand({ Bucket: bucket, Key: "once", Body: "2", IfNoneMatch: "*" })),
    "PreconditionFailed", 412);
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: "once", Body: "3", IfMatch: first.ETag }));
  await rejects(s3.send(new PutObjectCommand({ Bucket: bucket, Key: "once", Body: "4", IfMatch: first.ETag })),
    "PreconditionFailed", 412);
});

await check("S3 CopyObject with MetadataDirective REPLACE, and response header overrides on GetObject", async () => {
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: "meta-src", Body: "m", Metadata: { a: "1" } }));
  await s3.send(new CopyObjectCommand({ Bucket: bucket, Key: "meta-dst", CopySource: `${bucket}/meta-src`,
    MetadataDirective: "REPLACE", Metadata: { b: "2" }, ContentType: "application/x-replaced" }));
  const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: "meta-dst",
    ResponseContentType: "text/override", ResponseCacheControl: "no-cache" }));
  equal(got.Metadata, { b: "2" }, "Metadata");
  equal([got.ContentType, got.CacheControl], ["text/override", "no-cache"], "overridden headers");
  await got.Body.transformToString();
});

await check("S3 GetObjectAttributes of a multipart object; ListParts, ListMultipartUploads, Abort, UploadPartCopy", async () => {
  const attrs = await s3.send(new GetObjectAttributesCommand({ Bucket: bucket, Key: "multi",
    ObjectAttributes: ["ETag", "ObjectSize", "ObjectParts"] }));
  equal([attrs.ObjectSize, attrs.ObjectParts.TotalPartsCount], [5 * 1024 * 1024 + 7, 2], "attributes");
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: "pending" }));
  await s3.send(new UploadPartCopyCommand({ Bucket: bucket, Key: "pending", UploadId, PartNumber: 1,
    CopySource: `${bucket}/multi`, CopySourceRange: "bytes=0-99" }));
  const parts = await s3.send(new ListPartsCommand({ Bucket: bucket, Key: "pending", UploadId }));
  equal(parts.Parts.map((p) => [p.PartNumber, p.Size]), [[1, 100]], "parts");
  const uploads = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
  equal(uploads.Uploads.map((u) => u.Key), ["pending"], "uploads");
  await s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: "pending", UploadId }));
  await rejects(s3.send(new ListPartsCommand({ Bucket: bucket, Key: "pending", UploadId })), "NoSuchUpload", 404);
});

await check("S3 bucket configuration: tagging, default encryption, CORS, lifecycle", async () => {
  await s3.send(new PutBucketTaggingCommand({ Bucket: bucket, Tagging: { TagSet: [{ Key: "env", Value: "test" }] } }));
  equal((await s3.send(new GetBucketTaggingCommand({ Bucket: bucket }))).TagSet, [{ Key: "env", Value: "test" }], "tags");
  const enc = await s3.send(new GetBucketEncryptionCommand({ Bucket: bucket }));
  equal(enc.ServerSideEncryptionConfiguration.Rules[0].ApplyServerSideEncryptionByDefault.SSEAlgorithm, "AES256", "SSE");
  await s3.send(new PutBucketCorsCommand({ Bucket: bucket, CORSConfiguration: { CORSRules: [
    { AllowedMethods: ["GET"], AllowedOrigins: ["https://example.com"], MaxAgeSeconds: 60 }] } }));
  const cors = await s3.send(new GetBucketCorsCommand({ Bucket: bucket }));
  equal(cors.CORSRules.map((r) => [r.AllowedMethods, r.AllowedOrigins, r.MaxAgeSeconds]),
    [[["GET"], ["https://example.com"], 60]], "CORS");
  await s3.send(new PutBucketLifecycleConfigurationCommand({ Bucket: bucket, LifecycleConfiguration: { Rules: [
    { ID: "expire-tmp", Status: "Enabled", Filter: { Prefix: "tmp/" }, Expiration: { Days: 1 } }] } }));
  const life = await s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket }));
  equal(life.Rules.map((r) => [r.ID, r.Filter.Prefix, r.Expiration.Days]), [["expire-tmp", "tmp/", 1]], "lifecycle");
});

await check("S3 presigned GET and PUT URLs from @aws-sdk/s3-request-presigner, used with fetch", async () => {
  const put = await getSignedUrl(s3, new PutObjectCommand({ Bucket: bucket, Key: "presigned" }), { expiresIn: 300 });
  const uploaded = await fetch(put, { method: "PUT", body: "via a presigned PUT" });
  equal(uploaded.status, 200, "PUT status");
  const get = await getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: "presigned" }), { expiresIn: 300 });
  const fetched = await fetch(get);
  equal([fetched.status, await fetched.text()], [200, "via a presigned PUT"], "GET");
});

await check("S3 lib-storage Upload: a 12 MiB stream in 5 MiB parts, concurrently", async () => {
  const size = 12 * 1024 * 1024;
  const data = Buffer.alloc(size);
  for (let i = 0; i < size; i += 4096) data[i] = i % 251;
  const upload = new Upload({ client: s3, params: { Bucket: bucket, Key: "lib-storage", Body: Readable.from([data]) },
    partSize: 5 * 1024 * 1024, queueSize: 3 });
  const done = await upload.done();
  if (!/-3"$/.test(done.ETag)) throw new Error("not a 3-part ETag: " + done.ETag);
  const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: "lib-storage" }));
  const back = Buffer.from(await got.Body.transformToByteArray());
  if (!back.equals(data)) throw new Error("the object read back differs from the upload");
});

await check("S3 DeleteBucket: BucketNotEmpty while objects remain, then gone", async () => {
  const b = "js-short-lived";
  await s3.send(new CreateBucketCommand({ Bucket: b }));
  await s3.send(new PutObjectCommand({ Bucket: b, Key: "k", Body: "x" }));
  await rejects(s3.send(new DeleteBucketCommand({ Bucket: b })), "BucketNotEmpty", 409);
  await s3.send(new DeleteObjectCommand({ Bucket: b, Key: "k" }));
  await s3.send(new DeleteBucketCommand({ Bucket: b }));
  await rejects(s3.send(new HeadBucketCommand({ Bucket: b })), "NotFound", 404);
});

await check("Metering MeterUsage: the same hour again is the same record; another quantity DuplicateRequestException", async () => {
  const now = new Date();
  const first = await metering.send(new MeterUsageCommand({ ProductCode: "prod-js", Timestamp: now,
    UsageDimension: "Users", UsageQuantity: 2 }));
  const again = await metering.send(new MeterUsageCommand({ ProductCode: "prod-js", Timestamp: now,
    UsageDimension: "Users", UsageQuantity: 2 }));
  equal(again.MeteringRecordId, first.MeteringRecordId, "record id");
  await rejects(metering.send(new MeterUsageCommand({ ProductCode: "prod-js", Timestamp: now,
    UsageDimension: "Users", UsageQuantity: 3 })), "DuplicateRequestException", 400);
  await rejects(metering.send(new MeterUsageCommand({ ProductCode: "prod-js", Timestamp: now,
    UsageDimension: "Hosts", UsageQuantity: 1, DryRun: true })), "DryRunOperation", 412);
  await rejects(metering.send(new MeterUsageCommand({ ProductCode: "prod-js",
    Timestamp: new Date(now.getTime() - 7 * 3600 * 1000), UsageDimension: "Users", UsageQuantity: 1 })),
    "TimestampOutOfBoundsException", 400);
});

await check("Metering BatchMeterUsage answers a result per record", async () => {
  const out = await metering.send(new BatchMeterUsageCommand({ ProductCode: "prod-js", UsageRecords: [
    { CustomerIdentifier: "cust-1", Dimension: "Users", Quantity: 1, Timestamp: new Date() },
    { CustomerIdentifier: "cust-2", Dimension: "Users", Quantity: 1, Timestamp: new Date() },
  ] }));
  equal(out.Results.map((r) => r.Status), ["Success", "Success"], "statuses");
  equal(out.UnprocessedRecords, [], "unprocessed");
});

await check("Metering RegisterUsage and ResolveCustomer (a token the Java test issued, single use)", async () => {
  const token = process.env.AWSSIM_REGISTRATION_TOKEN;
  if (!token) throw new Error("AWSSIM_REGISTRATION_TOKEN is not set");
  const registered = await metering.send(new RegisterUsageCommand({ ProductCode: "prod-container", PublicKeyVersion: 1,
    Nonce: "js-nonce" }));
  equal(registered.Signature.split(".").length, 3, "a JWT's three parts");
  await rejects(metering.send(new RegisterUsageCommand({ ProductCode: "prod-container", PublicKeyVersion: 99 })),
    "InvalidPublicKeyVersionException", 400);
  const resolved = await metering.send(new ResolveCustomerCommand({ RegistrationToken: token }));
  equal([resolved.ProductCode, resolved.CustomerIdentifier], ["prod-container", "cust-js"], "resolved");
  await rejects(metering.send(new ResolveCustomerCommand({ RegistrationToken: token })), "ExpiredTokenException", 400);
  await rejects(metering.send(new ResolveCustomerCommand({ RegistrationToken: "not-a-token" })), "InvalidTokenException", 400);
});

await check("Application Cost Profiler: report definition round trip, list, and an import from S3", async () => {
  await s3.send(new CreateBucketCommand({ Bucket: "js-acp-reports" }));
  await acp.send(new PutReportDefinitionCommand({ reportId: "jsReport", reportDescription: "from JavaScript",
    reportFrequency: "DAILY", format: "CSV", destinationS3Location: { bucket: "js-acp-reports", prefix: "out" } }));
  const got = await acp.send(new GetReportDefinitionCommand({ reportId: "jsReport" }));
  equal([got.reportId, got.reportFrequency, got.format, got.destinationS3Location],
    ["jsReport", "DAILY", "CSV", { bucket: "js-acp-reports", prefix: "out" }], "definition");
  if (!(got.createdAt instanceof Date)) throw new Error("createdAt is not a date: " + got.createdAt);
  const list = await acp.send(new ListReportDefinitionsCommand({}));
  equal(list.reportDefinitions.map((d) => d.reportId), ["jsReport"], "listed");
  await rejects(acp.send(new PutReportDefinitionCommand({ reportId: "second", reportDescription: "x",
    reportFrequency: "DAILY", format: "CSV", destinationS3Location: { bucket: "js-acp-reports", prefix: "o" } })),
    "ServiceQuotaExceededException", 402);
  await rejects(acp.send(new ImportApplicationUsageCommand({
    sourceS3Location: { bucket: "js-acp-reports", key: "missing.csv" } })), "ValidationException", 400);
  const hour = Math.floor(Date.now() / 3600000) * 3600;
  await s3.send(new PutObjectCommand({ Bucket: "js-acp-reports", Key: "usage.csv", Body:
    "ApplicationId,TenantId,UsageAccountId,StartTime,EndTime,ResourceId\n"
    + `shop,acme,123456789012,${hour - 3600},${hour},i-0js\n` }));
  const imported = await acp.send(new ImportApplicationUsageCommand({
    sourceS3Location: { bucket: "js-acp-reports", key: "usage.csv" } }));
  if (!imported.importId) throw new Error("no importId");
});

console.log(failures === 0 ? "all checks passed" : `${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
