using System.Text.Json.Nodes;

namespace Pcmd.IntegrationTests.Infrastructure;

/// <summary>A small valid plan file that tests change one thing at a time.</summary>
public static class SamplePlan
{
    public static JsonObject Create(string key, string unit = "01", int from = 2026, int to = 2027) => JsonNode.Parse($$"""
    {
      "formatVersion": 1,
      "plan": {
        "key": "{{key}}",
        "title": "Kế hoạch thử nghiệm {{key}}",
        "number": "01/KH-UBND",
        "issuedOn": "{{from}}-01-15",
        "level": "commune",
        "issuingUnit": "{{unit}}",
        "period": { "from": {{from}}, "to": {{to}} },
        "legalBasis": ["Kế hoạch số 46/KH-UBND"],
        "objectives": [ { "kind": "general", "text": "Giảm tệ nạn mại dâm" } ],
        "indicators": [
          { "number": "1", "text": "Cơ sở được kiểm tra", "target": { "kind": "percentage", "value": 90, "byYear": [ { "year": {{from}}, "value": 80 } ] }, "lead": [ { "agency": "SYT" } ] },
          { "number": "2", "text": "Vụ án được khởi tố", "unitOfMeasure": "vụ", "target": { "kind": "range", "min": 80, "max": 100 }, "lead": [ { "agency": "CA-TP" } ], "cooperating": [ { "agency": "VKSND-TP", "requested": true } ] }
        ],
        "tasks": [
          { "number": "1.a", "text": "Tuyên truyền", "lead": [ { "agency": "SYT" } ], "timing": { "kind": "recurring", "frequency": "yearly", "text": "Hằng năm" } },
          { "number": "1.b", "text": "Kiểm tra cơ sở", "lead": [ { "agency": "CA-TP" } ], "timing": { "kind": "due", "dueDate": "{{to}}-12-31" } }
        ],
        "appendices": [ { "number": "I", "title": "Điểm phức tạp", "kind": "hotspots", "items": [ { "name": "Khu vực A", "complexity": "complex", "note": "Đã bàn giao cho địa phương năm 2021" } ] } ],
        "reportSchedule": [ { "kind": "semiannual", "dueDay": 17, "dueMonth": 6, "recipient": "SYT" } ]
      }
    }
    """)!.AsObject();

    public static JsonObject Plan(this JsonObject doc) => doc["plan"]!.AsObject();
}
