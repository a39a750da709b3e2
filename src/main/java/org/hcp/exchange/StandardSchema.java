package org.hcp.exchange;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The interface standard's shapes, for the OpenAPI description only ({@link StandardSchemas}): the intake reads
 * records field by field ({@link Fields}), so that it can answer every record on its own. Lengths are characters;
 * times are Beijing time.
 */
final class StandardSchema {

	private StandardSchema() {
	}

	@Schema(name = "NationalEnvelope", description = "国家标准风格报文 the national-style envelope")
	record NationalEnvelope(
			@Schema(requiredMode = REQUIRED, description = "报文体 the body") TxnBody txnBodyCom,
			@Schema(description = "公共域，固定为 {} the common part, always {}") java.util.Map<String, Object> txnCommCom) {
	}

	@Schema(name = "NationalTxnBody", description = "txnBodyCom")
	record TxnBody(
			@Schema(requiredMode = REQUIRED, maxLength = 64, description = "发送方应用标识 the sender's app id") String appMark,
			@Schema(requiredMode = REQUIRED, maxLength = 14, pattern = "^\\d{14}$",
					description = "北京时间 yyyyMMddHHmmss Beijing time") String time,
			@Schema(requiredMode = REQUIRED, maxLength = 4096, description = "签名（十六进制），见签名方式 the sign, hex") String sign,
			@Schema(requiredMode = REQUIRED, description = "记录列表 the record lists") EnvelopeParams params) {
	}

	@Schema(name = "NationalParams", description = "按 service → evaluate → rectification → appeal 顺序处理 processed in this order")
	record EnvelopeParams(
			@Schema(description = "服务记录密文 ServiceRecord ciphertexts") List<String> service,
			@Schema(description = "评价记录密文 EvaluateRecord ciphertexts") List<String> evaluate,
			@Schema(description = "整改记录密文 RectificationRecord ciphertexts") List<String> rectification,
			@Schema(description = "申诉复核结果密文 AppealRecord ciphertexts") List<String> appeal) {
	}

	@Schema(name = "NationalAnswer", description = "应答 the answer")
	record NationalAnswer(
			@JsonProperty("C-API-Status") @Schema(requiredMode = REQUIRED, maxLength = 2,
					description = "00 成功；报文级拒绝为其他值 00 success") String apiStatus,
			@JsonProperty("C-Response-Desc") @Schema(requiredMode = REQUIRED, maxLength = 200,
					description = "说明 description") String responseDesc,
			@JsonProperty("C-Response-Body") @Schema(requiredMode = REQUIRED, description = "逐条结果 results") AnswerBody responseBody) {
	}

	@Schema(name = "NationalAnswerBody")
	record AnswerBody(
			@Schema(requiredMode = REQUIRED, description = "已接收条数 accepted") int accepted,
			@Schema(requiredMode = REQUIRED, description = "重复条数 duplicate") int duplicate,
			@Schema(requiredMode = REQUIRED, description = "拒绝条数 rejected") int rejected,
			@Schema(requiredMode = REQUIRED, description = "逐条结果，按处理顺序 per record") List<RecordAnswer> results) {
	}

	@Schema(name = "NationalRecordResult")
	record RecordAnswer(
			@Schema(requiredMode = REQUIRED, maxLength = 13, allowableValues = { "service", "evaluate", "rectification", "appeal" },
					description = "记录列表 the list") String list,
			@Schema(requiredMode = REQUIRED, description = "列表内序号，从 0 起 index in the list") int index,
			@Schema(maxLength = 64, description = "办件编号 the case") String projectNo,
			@Schema(maxLength = 10, description = "服务序号 the service") String serviceNumber,
			@Schema(requiredMode = REQUIRED, maxLength = 9, allowableValues = { "accepted", "duplicate", "rejected" },
					description = "结果 the outcome") String status,
			@Schema(requiredMode = REQUIRED, maxLength = 64, description = "结果代码 the code") String code,
			@Schema(requiredMode = REQUIRED, description = "中英文说明 the message") AnswerText message,
			@Schema(maxLength = 64, description = "出错字段 the field at fault") String field) {
	}

	@Schema(name = "NationalText")
	record AnswerText(
			@Schema(requiredMode = REQUIRED, description = "中文") String zh,
			@Schema(requiredMode = REQUIRED, description = "English") String en) {
	}

	@Schema(name = "PublicKeyAnswer", description = "本平台 SM2 公钥 our SM2 public key")
	record PublicKeyAnswer(
			@Schema(requiredMode = REQUIRED, maxLength = 64, description = "本平台应用标识 our app id") String appId,
			@Schema(requiredMode = REQUIRED, maxLength = 3, allowableValues = "SM2", description = "算法") String algorithm,
			@Schema(requiredMode = REQUIRED, maxLength = 130, description = "当前公钥，04‖X‖Y 十六进制 current key") String publicKey,
			@Schema(maxLength = 130, description = "轮换过渡期内的上一把公钥 the previous key during a rotation") String previousPublicKey,
			@Schema(maxLength = 30, description = "上一把公钥可用至（ISO-8601）until when") String previousUsableUntil) {
	}

	@Schema(name = "ServiceRecord", description = "服务记录（办件）a service record")
	record ServiceRecord(
			@Schema(requiredMode = REQUIRED, maxLength = 12, description = "行政区划代码，6 或 12 位") String areaCode,
			@Schema(requiredMode = REQUIRED, maxLength = 18, description = "部门编码（字母数字）") String deptCode,
			@Schema(maxLength = 200, description = "部门名称") String deptName,
			@Schema(requiredMode = REQUIRED, maxLength = 33, description = "事项编码（字母数字）") String taskCode,
			@Schema(requiredMode = REQUIRED, maxLength = 300, description = "事项名称") String taskName,
			@Schema(requiredMode = REQUIRED, maxLength = 64, description = "办件编号") String projectNo,
			@Schema(maxLength = 300, description = "办件名称") String projectName,
			@Schema(requiredMode = REQUIRED, allowableValues = { "1", "2", "3" }, description = "办件状态 1 受理 2 办理中 3 办结") Integer proStatus,
			@Schema(requiredMode = REQUIRED, maxLength = 100, description = "申请人姓名") String userName,
			@Schema(allowableValues = { "1", "2", "3", "4", "5", "9" }, description = "申请人类型，缺省 1") Integer userProp,
			@Schema(maxLength = 64, description = "证件号码") String certKey,
			@Schema(maxLength = 11, description = "手机号码") String mobile,
			@Schema(requiredMode = REQUIRED, maxLength = 19, description = "受理时间 yyyy-MM-dd HH:mm:ss") String acceptDate,
			@Schema(requiredMode = REQUIRED, minimum = "1", description = "服务序号") Integer serviceNumber,
			@Schema(requiredMode = REQUIRED, maxLength = 100, description = "服务名称") String serviceName,
			@Schema(requiredMode = REQUIRED, maxLength = 19, description = "服务时间 yyyy-MM-dd HH:mm:ss") String serviceTime,
			@Schema(requiredMode = REQUIRED, allowableValues = { "1", "2" }, description = "1 即办 2 承诺") Integer promiseTime,
			@Schema(allowableValues = { "1", "2" }, description = "1 网上 2 线下，缺省 2") Integer proChannel,
			@Schema(maxLength = 64, description = "经办人工号") String proManager,
			@Schema(maxLength = 19, description = "办结时间，proStatus=3 时必填") String resultDate,
			@Schema(maxLength = 64, description = "批次号") String batchNo,
			@Schema(maxLength = 64, description = "链路号") String chainNo) {
	}

	@Schema(name = "EvaluateRecord", description = "评价记录 an evaluation record")
	record EvaluateRecord(
			@Schema(requiredMode = REQUIRED, maxLength = 64, description = "办件编号") String projectNo,
			@Schema(requiredMode = REQUIRED, minimum = "1", description = "服务序号") Integer serviceNumber,
			@Schema(requiredMode = REQUIRED, allowableValues = { "1", "2", "3", "4", "5", "6", "7" }, description = "评价渠道") Integer pf,
			@Schema(requiredMode = REQUIRED, allowableValues = { "1", "2", "3", "4", "5" }, description = "满意度 5 非常满意 … 1 非常不满意") Integer satisfaction,
			@Schema(maxLength = 200, description = "评价指标代码，逗号分隔") String evalDetail,
			@Schema(maxLength = 1000, description = "文字评价") String writingEvaluation,
			@Schema(requiredMode = REQUIRED, maxLength = 19, description = "评价时间 yyyy-MM-dd HH:mm:ss") String assessTime,
			@Schema(allowableValues = { "1", "2" }, description = "1 首次 2 追加，缺省 1") Integer assessNumber,
			@Schema(maxLength = 100, description = "评价人姓名") String userName,
			@Schema(maxLength = 64, description = "评价人证件号码") String certKey,
			@Schema(maxLength = 11, description = "评价人手机号码") String mobile,
			@Schema(description = "是否默认评价，缺省 false") Boolean isDefault) {
	}

	@Schema(name = "RectificationRecord", description = "整改记录：差评工单的一个步骤 one work-order step")
	record RectificationRecord(
			@Schema(requiredMode = REQUIRED, maxLength = 64, description = "办件编号") String projectNo,
			@Schema(requiredMode = REQUIRED, minimum = "1", description = "服务序号") Integer serviceNumber,
			@Schema(allowableValues = { "1", "2" }, description = "评价次序，缺省 1") Integer assessNumber,
			@Schema(requiredMode = REQUIRED, maxLength = 32, description = "发送方工单编号") String orderNo,
			@Schema(requiredMode = REQUIRED, minimum = "1", description = "步骤序号，同一工单内递增") Long stepNo,
			@Schema(requiredMode = REQUIRED, maxLength = 22, allowableValues = { "RECEIVED", "INVALID", "DISPATCHED",
					"VERIFIED", "RECTIFYING", "UNRECTIFIABLE_REPORTED", "UNRECTIFIABLE_APPROVED", "RECTIFIED", "REPLIED",
					"REVISITED", "CLOSED", "CLOSED_BY_APPEAL" }, description = "该步骤后的工单状态") String state,
			@Schema(requiredMode = REQUIRED, maxLength = 40, description = "步骤动作") String action,
			@Schema(requiredMode = REQUIRED, maxLength = 19, description = "步骤时间 yyyy-MM-dd HH:mm:ss") String stepTime,
			@Schema(maxLength = 18, description = "责任部门编码") String deptCode,
			@Schema(maxLength = 2000, description = "意见：理由或结果") String opinion,
			@Schema(maxLength = 10, description = "计划整改期限 yyyy-MM-dd") String plannedBy,
			@Schema(maxLength = 24, description = "回访结果") String revisitResult) {
	}

	@Schema(name = "AppealRecord", description = "申诉复核结果 an appeal decision")
	record AppealRecord(
			@Schema(requiredMode = REQUIRED, maxLength = 64, description = "办件编号") String projectNo,
			@Schema(requiredMode = REQUIRED, minimum = "1", description = "服务序号") Integer serviceNumber,
			@Schema(allowableValues = { "1", "2" }, description = "评价次序，缺省 1") Integer assessNumber,
			@Schema(maxLength = 32, description = "发送方工单编号") String orderNo,
			@Schema(requiredMode = REQUIRED, maxLength = 64, description = "申诉编号") String appealNo,
			@Schema(requiredMode = REQUIRED, maxLength = 9, allowableValues = { "MISTAKEN", "MALICIOUS", "REJECTED" },
					description = "复核结论") String outcome,
			@Schema(requiredMode = REQUIRED, maxLength = 1000, description = "理由") String reason,
			@Schema(requiredMode = REQUIRED, maxLength = 19, description = "决定时间 yyyy-MM-dd HH:mm:ss") String decisionTime) {
	}
}
