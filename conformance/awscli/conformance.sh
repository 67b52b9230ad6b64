#!/usr/bin/env bash
# The AWS CLI against awssim's loopback server: botocore's marshallers and parsers, the CLI's own S3 transfer
# manager (multipart uploads, ranged parallel downloads, sync), and its error reporting read awssim's answers.
# Run by AwsCliConformanceTest:  conformance.sh <endpoint>   (AWS_CLI names the CLI; default: aws)
# Prints one line per check; exits 1 when any check failed.
set -uo pipefail

endpoint="${1:?usage: conformance.sh <endpoint>}"
cli="${AWS_CLI:-aws}"
export AWS_ACCESS_KEY_ID=AKIDAWSCLI AWS_SECRET_ACCESS_KEY=secret AWS_DEFAULT_REGION=us-east-1
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_PAGER="" AWS_EC2_METADATA_DISABLED=true
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

aws() { "$cli" --endpoint-url "$endpoint" "$@"; }
failures=0
check() {
  local name="$1"; shift
  local out
  if out="$("$@" 2>&1)"; then
    echo "ok   $name"
  else
    failures=$((failures + 1))
    echo "FAIL $name: $(echo "$out" | tail -5 | tr '\n' ' ')"
  fi
}
expect_equal() { [ "$1" == "$2" ] || { echo "expected [$2] but was [$1]"; return 1; }; }
expect_error() {   # expect_error <text in the CLI's error> <command...>: the command fails and says so
  local want="$1"; shift
  local out
  if out="$("$@" 2>&1)"; then echo "expected an error containing [$want] but the call succeeded"; return 1; fi
  [[ "$out" == *"$want"* ]] || { echo "expected an error containing [$want] but got: $out"; return 1; }
}

echo "$("$cli" --version 2>&1)"

s3_small_files() {
  aws s3 mb s3://cli-bucket >/dev/null &&
  printf 'hello from the CLI\n' > "$work/hello.txt" &&
  aws s3 cp "$work/hello.txt" "s3://cli-bucket/dir/hello world.txt" --content-type text/plain >/dev/null &&
  expect_equal "$(aws s3 cp "s3://cli-bucket/dir/hello world.txt" -)" "hello from the CLI" &&
  expect_equal "$(aws s3 ls s3://cli-bucket --recursive | awk '{print $4, $5}')" "dir/hello world.txt"
}
check "s3 mb, cp up and down, ls" s3_small_files

s3_multipart() {
  head -c $((20 * 1024 * 1024 + 3)) /dev/urandom > "$work/big.bin" &&
  aws s3 cp "$work/big.bin" s3://cli-bucket/big.bin >/dev/null &&
  aws s3 cp s3://cli-bucket/big.bin "$work/big.back" >/dev/null &&
  cmp "$work/big.bin" "$work/big.back" &&
  expect_equal "$(aws s3api head-object --bucket cli-bucket --key big.bin --query ContentLength --output text)" \
    "$((20 * 1024 * 1024 + 3))" &&
  [[ "$(aws s3api head-object --bucket cli-bucket --key big.bin --query ETag --output text)" == *-3\" ]]
}
check "s3 cp of 20 MiB: a 3-part multipart upload, ranged parallel download" s3_multipart

s3_sync() {
  mkdir -p "$work/tree/a/b" "$work/back" &&
  for f in one a/two a/b/three; do echo "$f" > "$work/tree/$f"; done &&
  # S3 keeps whole seconds of LastModified: files written this second would look newer than their upload
  touch -d "1 hour ago" "$work/tree/one" "$work/tree/a/two" "$work/tree/a/b/three" &&
  aws s3 sync "$work/tree" s3://cli-bucket/tree >/dev/null &&
  aws s3 sync s3://cli-bucket/tree "$work/back" >/dev/null &&
  diff -r "$work/tree" "$work/back" &&
  expect_equal "$(aws s3 sync "$work/tree" s3://cli-bucket/tree)" ""   # nothing changed: nothing to send
}
check "s3 sync up, down, and again with nothing to do" s3_sync

s3api_errors_and_ranges() {
  expect_error "(404)" aws s3api head-object --bucket cli-bucket --key missing &&
  expect_error "NoSuchKey" aws s3api get-object --bucket cli-bucket --key missing "$work/x" &&
  expect_error "NoSuchBucket" aws s3 ls s3://no-such-cli-bucket &&
  expect_error "BucketNotEmpty" aws s3 rb s3://cli-bucket &&
  aws s3api get-object --bucket cli-bucket --key "dir/hello world.txt" --range bytes=0-4 "$work/range" >/dev/null &&
  expect_equal "$(cat "$work/range")" "hello"
}
check "s3api errors by code, and a ranged get" s3api_errors_and_ranges

s3_presign() {
  local url
  url="$(aws s3 presign "s3://cli-bucket/dir/hello world.txt" --expires-in 300)" &&
  expect_equal "$(curl -sf "$url")" "hello from the CLI"
}
check "s3 presign, fetched with curl" s3_presign

s3_anonymous() {
  aws s3 mb s3://cli-public >/dev/null &&
  printf 'for everyone' > "$work/public.txt" &&
  aws s3 cp "$work/public.txt" s3://cli-public/public.txt >/dev/null &&
  expect_error "403" aws s3 cp s3://cli-public/public.txt - --no-sign-request &&
  aws s3api delete-public-access-block --bucket cli-public &&
  aws s3api put-bucket-policy --bucket cli-public --policy '{"Statement":[{"Effect":"Allow","Principal":"*",
    "Action":"s3:GetObject","Resource":"arn:aws:s3:::cli-public/*"}]}' &&
  expect_equal "$(aws s3 cp s3://cli-public/public.txt - --no-sign-request)" "for everyone" &&
  expect_equal "$(curl -s "$endpoint/cli-public/public.txt")" "for everyone" &&
  expect_error "AccessDenied" aws s3api list-objects-v2 --bucket cli-public --no-sign-request
}
check "s3 --no-sign-request and curl: private refused, public after a bucket policy" s3_anonymous

s3api_more() {
  aws s3 mb s3://cli-more >/dev/null &&
  aws s3api put-bucket-versioning --bucket cli-more --versioning-configuration Status=Enabled &&
  printf 'one' > "$work/v1" && printf 'two!' > "$work/v2" &&
  aws s3api put-object --bucket cli-more --key doc --body "$work/v1" --tagging "team=core&tier=gold" >/dev/null &&
  aws s3api put-object --bucket cli-more --key doc --body "$work/v2" >/dev/null &&
  expect_equal "$(aws s3api list-object-versions --bucket cli-more --query 'length(Versions)' --output text)" "2" &&
  expect_equal "$(aws s3api get-object-attributes --bucket cli-more --key doc --object-attributes ObjectSize StorageClass \
    --query '[ObjectSize, StorageClass]' --output text)" "4	STANDARD" &&
  expect_equal "$(aws s3api get-object-tagging --bucket cli-more --key doc --query 'length(TagSet)' --output text)" "0" &&
  aws s3api copy-object --bucket cli-more --key copy --copy-source cli-more/doc >/dev/null &&
  expect_equal "$(aws s3api delete-objects --bucket cli-more --delete '{"Objects":[{"Key":"copy"},{"Key":"doc"}]}' \
    --query 'length(Deleted)' --output text)" "2" &&
  expect_equal "$(aws s3api list-object-versions --bucket cli-more --query 'length(DeleteMarkers)' --output text)" "2"
}
check "s3api versioning, tagging, get-object-attributes, copy-object, delete-objects" s3api_more

s3_recursive() {
  mkdir -p "$work/rec/x" && echo a > "$work/rec/a" && echo b > "$work/rec/x/b" &&
  aws s3 cp "$work/rec" s3://cli-bucket/rec --recursive >/dev/null &&
  aws s3 mv s3://cli-bucket/rec/a s3://cli-bucket/moved/a >/dev/null &&
  expect_equal "$(aws s3 ls s3://cli-bucket/ --recursive | awk '{print $4}' | grep -E '^(rec|moved)/' | sort | tr '\n' ' ')" \
    "moved/a rec/x/b "
}
check "s3 cp --recursive and s3 mv" s3_recursive

s3_rm_rb() {
  aws s3 rm s3://cli-bucket --recursive >/dev/null &&
  aws s3 rb s3://cli-bucket >/dev/null &&
  expect_error "(404)" aws s3api head-bucket --bucket cli-bucket   # a HEAD answer has no body to name the code
}
check "s3 rm --recursive, then rb" s3_rm_rb

metering() {
  local now id again
  now="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  id="$(aws meteringmarketplace meter-usage --product-code prod-cli --timestamp "$now" --usage-dimension Users \
    --usage-quantity 2 --query MeteringRecordId --output text)" &&
  again="$(aws meteringmarketplace meter-usage --product-code prod-cli --timestamp "$now" --usage-dimension Users \
    --usage-quantity 2 --query MeteringRecordId --output text)" &&
  expect_equal "$again" "$id" &&
  expect_error "DuplicateRequestException" aws meteringmarketplace meter-usage --product-code prod-cli \
    --timestamp "$now" --usage-dimension Users --usage-quantity 3 &&
  expect_error "DryRunOperation" aws meteringmarketplace meter-usage --product-code prod-cli \
    --timestamp "$now" --usage-dimension Hosts --usage-quantity 1 --dry-run &&
  expect_equal "$(aws meteringmarketplace batch-meter-usage --product-code prod-cli --usage-records \
    "CustomerIdentifier=cust-a,Dimension=Users,Quantity=1,Timestamp=$now" \
    "CustomerIdentifier=cust-b,Dimension=Users,Quantity=2,Timestamp=$now" \
    --query 'Results[].Status' --output text)" "Success	Success"
}
check "meteringmarketplace meter-usage (same record again, DuplicateRequestException, DryRunOperation) and batch-meter-usage" metering

cost_profiler() {
  aws s3 mb s3://cli-acp >/dev/null &&
  aws applicationcostprofiler put-report-definition --report-id cliReport --report-description "from the CLI" \
    --report-frequency DAILY --format CSV --destination-s3-location bucket=cli-acp,prefix=out >/dev/null &&
  expect_equal "$(aws applicationcostprofiler get-report-definition --report-id cliReport \
    --query '[reportDescription, destinationS3Location.bucket]' --output text)" "from the CLI	cli-acp" &&
  expect_error "ServiceQuotaExceededException" aws applicationcostprofiler put-report-definition --report-id other \
    --report-description x --report-frequency DAILY --format CSV --destination-s3-location bucket=cli-acp,prefix=o &&
  local hour=$(( $(date +%s) / 3600 * 3600 )) &&
  printf 'ApplicationId,TenantId,UsageAccountId,StartTime,EndTime,ResourceId\nshop,acme,123456789012,%s,%s,i-0cli\n' \
    $((hour - 3600)) "$hour" > "$work/usage.csv" &&
  aws s3 cp "$work/usage.csv" s3://cli-acp/usage.csv >/dev/null &&
  [ -n "$(aws applicationcostprofiler import-application-usage --source-s3-location bucket=cli-acp,key=usage.csv \
    --query importId --output text)" ] &&
  expect_error "ValidationException" aws applicationcostprofiler import-application-usage \
    --source-s3-location bucket=cli-acp,key=missing.csv &&
  aws applicationcostprofiler update-report-definition --report-id cliReport --report-description "updated" \
    --report-frequency MONTHLY --format CSV --destination-s3-location bucket=cli-acp,prefix=out >/dev/null &&
  expect_equal "$(aws applicationcostprofiler list-report-definitions \
    --query 'reportDefinitions[].[reportId, reportFrequency]' --output text)" "cliReport	MONTHLY"
}
check "applicationcostprofiler report definitions (put, get, quota, update, list) and an import from S3" cost_profiler

if [ "$failures" -eq 0 ]; then echo "all checks passed"; else echo "$failures check(s) failed"; fi
[ "$failures" -eq 0 ]
