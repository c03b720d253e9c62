package io.headroom.storage.s3;

import io.headroom.plugin.api.storage.NoSuchObjectException;
import io.headroom.plugin.api.storage.StorageContext;
import io.headroom.plugin.api.storage.StorageDriver;
import io.headroom.plugin.api.storage.StorageException;
import io.headroom.plugin.api.storage.StorageHealth;
import io.headroom.plugin.api.storage.StorageKey;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.pf4j.Extension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Keeps sealed blobs as objects in one bucket of an S3-compatible store. A put is one
 * {@code PutObject} with a {@code Content-MD5}: the store keeps the whole object or none, so a
 * process killed during a put leaves no torn object. Deleted objects are gone as the store makes
 * them gone (versioned buckets keep old versions: see the operator guide); what makes deletion
 * hold is that their keys are destroyed first.
 *
 * <p>It talks to the configured endpoint only: static credentials, an explicit region, no
 * profile files, no instance-metadata or credential-chain lookups, and checksums only where an
 * operation needs them (what S3-compatible stores accept).
 */
@Extension
public class S3StorageDriver implements StorageDriver {

    /** Most bytes one object may have: the appliance's largest blob (a photo) is far smaller. */
    static final int MAX_OBJECT = 256 * 1024 * 1024;

    static {
        // Belt and braces: nothing in this plugin may reach the EC2 metadata service.
        System.setProperty("aws.disableEc2Metadata", "true");
    }

    private volatile S3Client client;
    private volatile S3Settings settings;

    @Override
    public String id() {
        return "s3";
    }

    @Override
    public void open(StorageContext context) throws StorageException {
        S3Settings s = S3Settings.from(context);
        S3Client c = S3Client.builder()
                .endpointOverride(s.endpoint())
                .region(Region.of(s.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(s.accessKey(), s.secretKey())))
                // No proxy from system properties or the environment: requests go to the endpoint itself.
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(s.timeout()).socketTimeout(s.timeout())
                        .proxyConfiguration(ProxyConfiguration.builder().useSystemPropertyValues(false).useEnvironmentVariablesValues(false).build())
                        .build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(s.pathStyle()).build())
                // No ~/.aws/config or credentials file shapes what this client does.
                .overrideConfiguration(o -> o.defaultProfileFileSupplier(() -> ProfileFile.aggregator().build()).defaultProfileName("headroom"))
                .build();
        try {
            c.headBucket(b -> b.bucket(s.bucket()));
        } catch (SdkException e) {
            c.close();
            throw new StorageException("s3: bucket " + s.bucket() + " at " + s.endpoint() + " cannot be reached: " + reason(e));
        }
        settings = s;
        client = c;
    }

    private S3Client client() throws StorageException {
        S3Client c = client;
        if (c == null) {
            throw new StorageException("s3: the driver is not open");
        }
        return c;
    }

    private String objectName(StorageKey key) {
        return settings.keyPrefix() + key.value();
    }

    @Override
    public void put(StorageKey key, InputStream content) throws StorageException {
        byte[] bytes;
        try {
            bytes = content.readNBytes(MAX_OBJECT + 1);
        } catch (IOException e) {
            throw new StorageException("s3: reading the content for " + key + " failed", e);
        }
        if (bytes.length > MAX_OBJECT) {
            throw new StorageException("s3: an object is at most " + MAX_OBJECT + " bytes");
        }
        try {
            // Content-MD5: the store refuses a body that arrives changed or cut short.
            client().putObject(b -> b.bucket(settings.bucket()).key(objectName(key)).contentLength((long) bytes.length)
                    .contentMD5(md5(bytes)), RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw new StorageException("s3: storing " + key + " failed: " + reason(e));
        }
    }

    private static String md5(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public InputStream get(StorageKey key) throws StorageException {
        try {
            return client().getObject(b -> b.bucket(settings.bucket()).key(objectName(key)));
        } catch (NoSuchKeyException e) {
            throw new NoSuchObjectException(key);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new NoSuchObjectException(key);
            }
            throw new StorageException("s3: reading " + key + " failed: " + reason(e));
        } catch (SdkException e) {
            throw new StorageException("s3: reading " + key + " failed: " + reason(e));
        }
    }

    @Override
    public boolean delete(StorageKey key) throws StorageException {
        S3Client c = client();
        String name = objectName(key);
        try {
            boolean existed;
            try {
                c.headObject(b -> b.bucket(settings.bucket()).key(name));
                existed = true;
            } catch (NoSuchKeyException e) {
                existed = false;
            } catch (S3Exception e) {
                if (e.statusCode() != 404) {
                    throw e;
                }
                existed = false;
            }
            // Deleting a missing object is not an error on S3: idempotent as the contract wants.
            c.deleteObject(b -> b.bucket(settings.bucket()).key(name));
            return existed;
        } catch (SdkException e) {
            throw new StorageException("s3: deleting " + key + " failed: " + reason(e));
        }
    }

    @Override
    public List<StorageKey> list(String prefix) throws StorageException {
        String base = settings.keyPrefix();
        List<StorageKey> keys = new ArrayList<>();
        String token = null;
        try {
            do {
                ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(settings.bucket()).prefix(base + prefix);
                if (token != null) {
                    request.continuationToken(token);
                }
                ListObjectsV2Response page = client().listObjectsV2(request.build());
                for (S3Object o : page.contents()) {
                    String name = o.key().substring(base.length());
                    try {
                        StorageKey k = new StorageKey(name);
                        if (k.hasPrefix(prefix)) {
                            keys.add(k);
                        }
                    } catch (IllegalArgumentException notOurs) {
                        // An object someone else put into the bucket: not a Headroom key.
                    }
                }
                token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
            } while (token != null);
        } catch (SdkException e) {
            throw new StorageException("s3: listing failed: " + reason(e));
        }
        keys.sort(java.util.Comparator.comparing(StorageKey::value));
        return keys;
    }

    @Override
    public StorageHealth health() {
        S3Client c = client;
        S3Settings s = settings;
        if (c == null) {
            return StorageHealth.down("s3: not open");
        }
        try {
            c.headBucket(b -> b.bucket(s.bucket()));
            return StorageHealth.up("s3: bucket " + s.bucket() + " at " + s.endpoint().getHost());
        } catch (SdkException e) {
            return StorageHealth.down("s3: bucket " + s.bucket() + " unreachable: " + reason(e));
        }
    }

    @Override
    public void close() {
        S3Client c = client;
        client = null;
        if (c != null) {
            c.close();
        }
    }

    /** The store's error code or the exception's kind: never a request or response body. */
    private static String reason(SdkException e) {
        if (e instanceof S3Exception s3 && s3.awsErrorDetails() != null) {
            return s3.statusCode() + " " + s3.awsErrorDetails().errorCode();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse(""));
    }
}
