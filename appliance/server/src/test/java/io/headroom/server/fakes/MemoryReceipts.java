package io.headroom.server.fakes;

import io.headroom.server.receipt.ReceiptLedger;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Receipts as issued (their fields, unsigned), by receipt id. */
public final class MemoryReceipts implements ReceiptLedger {

    public final Map<String, Map<String, Object>> issued = new LinkedHashMap<>();
    private final FakeTransactions transactions;

    public MemoryReceipts(FakeTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void start(Path keysDirectory) {
    }

    @Override
    public String publicKeyPem() {
        return "";
    }

    @Override
    public String publishedKeys() {
        return "{\"keys\":[]}";
    }

    @Override
    public Map<String, Object> issue(String receiptId, Map<String, Object> fields) {
        transactions.requireOpen("a receipt issued");
        if (issued.containsKey(receiptId)) {
            throw new AssertionError("a second receipt for one session");
        }
        issued.put(receiptId, fields);
        return fields;
    }

    @Override
    public Optional<String> find(String receiptId) {
        return Optional.ofNullable(issued.get(receiptId)).map(Object::toString);
    }
}
