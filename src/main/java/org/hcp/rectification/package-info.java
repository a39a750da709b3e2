/** Rectification 差评整改: bad-review work orders 工单 and their ledger 台账 — first check, dispatch, verify, rectify, extend, reply, revisit, close. */
package org.hcp.rectification;
