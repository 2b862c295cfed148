# Loaded by `npm run fuzz` (SCHEMATHESIS_HOOKS): teaches schemathesis the `semver` string format
# that Tall's OpenAPI document gives the X-Client-Version header.
#
# Why: schemathesis's coverage phase only builds header values from letters and digits, so for a
# header whose pattern needs a dot it has no valid value, and it sends "0" as its "valid" default
# (then reports the API's 400 as a valid request rejected). A header with a registered format is
# generated from that format's strategy instead, in every phase.
import os

import schemathesis
from hypothesis import strategies as st

# The API's own pattern (CLIENT_VERSION_PATTERN in libs/platform/http), passed in by tools/fuzz/main.ts.
PATTERN = os.environ["TALL_CLIENT_VERSION_PATTERN"]
MAX_LENGTH = int(os.environ["TALL_CLIENT_VERSION_MAX_LENGTH"])

schemathesis.openapi.format("semver", st.from_regex(PATTERN, fullmatch=True).filter(lambda version: len(version) <= MAX_LENGTH))
