/** Deletion receipts in the appliance: the signed chain, and where anyone can fetch a receipt and the key. */
package io.headroom.server.receipt;
