using System.Text.Json.Nodes;

namespace Pcmd.IntegrationTests.Features.Plans;

/// <summary>A plan file that uses every field of docs/plan-file.md (issue 16): a district's draft of 2021 with a blank
/// number, a date known only to the month, the signer, the recipients, Mục đích and Yêu cầu, a parent plan not in PCMD,
/// a heading row without a window, yearly and per-unit targets, every timing kind, the Kinh phí (in words, and with amounts),
/// both appendix kinds and a report schedule with a consolidation day. It is written in the exporter's own layout, so an export must give it back byte
/// for byte.</summary>
public static class FullPlan
{
    public static string Json(string key) => $$"""
    {
      "formatVersion": 1,
      "plan": {
        "key": "{{key}}",
        "title": "Kế hoạch thực hiện công tác phòng, chống mại dâm trên địa bàn quận Hà Đông giai đoạn 2021 - 2025",
        "number": "/KH-UBND",
        "issuedOn": "2021-05",
        "level": "district",
        "issuingUnit": "01.HADONG",
        "issuingAgency": "UBND-HADONG",
        "coordinatingAgency": "PLDTBXH-HADONG",
        "consolidatingAgency": "PLDTBXH-HADONG",
        "reportRecipients": [
          "UBND-HADONG",
          "UBND-TP"
        ],
        "requestedBodiesReport": true,
        "period": {
          "from": 2021,
          "to": 2025
        },
        "parentPlan": {
          "number": "77/KH-UBND",
          "issuedOn": "2021-03-19",
          "issuer": "Ủy ban nhân dân thành phố Hà Nội"
        },
        "legalBasis": [
          "Căn cứ Kế hoạch số 77/KH-UBND ngày 19/3/2021 của UBND Thành phố;"
        ],
        "purpose": [
          "Triển khai có hiệu quả Chương trình phòng, chống mại dâm trên địa bàn quận.",
          "Nâng cao nhận thức của cán bộ và nhân dân."
        ],
        "requirements": [
          "Các phòng, ban, ngành, UBND các phường chủ động xây dựng kế hoạch."
        ],
        "objectives": [
          {
            "kind": "general",
            "text": "Giảm tác hại của tệ nạn mại dâm."
          },
          {
            "kind": "specific",
            "text": "Kiềm chế, làm giảm tệ nạn mại dâm."
          }
        ],
        "indicators": [
          {
            "number": "1",
            "text": "Chỉ tiêu về kiểm tra"
          },
          {
            "number": "1.1",
            "text": "Cơ sở kinh doanh dịch vụ được kiểm tra ít nhất một lần",
            "unitOfMeasure": "%",
            "target": {
              "kind": "percentage",
              "value": 90,
              "numerator": "Số cơ sở được kiểm tra",
              "denominator": "Số cơ sở thuộc diện quản lý",
              "byYear": [
                {
                  "year": 2021,
                  "value": 70
                }
              ],
              "byUnit": [
                {
                  "unit": "01.HADONG",
                  "year": 2022,
                  "value": 80
                }
              ]
            },
            "window": "year",
            "lead": [
              {
                "agency": "CA-HADONG"
              }
            ],
            "cooperating": [
              {
                "agency": "VKSND-TP",
                "requested": true
              }
            ],
            "note": "Theo Phụ lục I"
          },
          {
            "number": "1.2",
            "text": "Phát hiện, xử lý hình sự 10-15 vụ án",
            "unitOfMeasure": "vụ án",
            "target": {
              "kind": "range",
              "min": 10,
              "max": 15
            },
            "window": "period"
          }
        ],
        "tasks": [
          {
            "number": "V.1.a",
            "section": "Công tác tuyên truyền",
            "text": "Xây dựng kế hoạch năm",
            "lead": [
              {
                "agency": "PLDTBXH-HADONG"
              }
            ],
            "timing": {
              "kind": "recurring",
              "frequency": "yearly",
              "dueMonth": 1,
              "text": "Trong tháng 01 hằng năm"
            }
          },
          {
            "number": "V.1.b",
            "section": "Công tác tuyên truyền",
            "text": "Tổng kết giai đoạn",
            "timing": {
              "kind": "due",
              "dueDate": "2025-11-05"
            }
          },
          {
            "number": "V.2",
            "text": "Kiểm tra cơ sở",
            "timing": {
              "kind": "period"
            }
          },
          {
            "number": "V.3",
            "text": "Phối hợp"
          }
        ],
        "budget": [
          {
            "sourceText": "Kinh phí thực hiện Kế hoạch do ngân sách quận bảo đảm theo phân cấp và các nguồn hợp pháp khác."
          },
          {
            "year": 2022,
            "agency": "PLDTBXH-HADONG",
            "unit": "01.HADONG",
            "task": "V.1.a",
            "source": "districtBudget",
            "sourceText": "Dự toán chi thường xuyên của Phòng",
            "purpose": "Tập huấn cán bộ phường",
            "estimate": 120000000,
            "allocated": 100000000,
            "spent": 104500000,
            "overspendNote": "Thêm một lớp tập huấn"
          }
        ],
        "appendices": [
          {
            "number": "II",
            "title": "Danh sách điểm phức tạp",
            "kind": "hotspots",
            "items": [
              {
                "name": "Khu vực bến xe Yên Nghĩa",
                "unit": "01.HADONG",
                "unitName": "Quận Hà Đông",
                "complexity": "active",
                "note": "Theo dõi"
              }
            ]
          },
          {
            "number": "III",
            "title": "Xã, phường áp dụng mô hình",
            "kind": "communes",
            "items": [
              {
                "name": "Phường Phú Lãm",
                "status": "new"
              }
            ]
          }
        ],
        "reportSchedule": [
          {
            "kind": "semiannual",
            "dueDay": 10,
            "dueMonth": 6,
            "consolidationDueDay": 15,
            "consolidationDueMonth": 6,
            "recipient": "PLDTBXH-HADONG",
            "note": "trước ngày 10/6"
          },
          {
            "kind": "final",
            "dueDay": 5,
            "dueMonth": 11
          }
        ],
        "signer": {
          "form": [
            "TM. Ủy ban nhân dân",
            "KT. Chủ tịch"
          ],
          "title": "Phó Chủ tịch",
          "name": "Nguyễn Văn Bình"
        },
        "recipients": [
          "UBND Thành phố (để b/c);",
          "Các phòng, ban, ngành quận;",
          "Lưu: VT, LĐTBXH."
        ]
      }
    }
    """;

    public static JsonObject Node(string key) => JsonNode.Parse(Json(key))!.AsObject();
}
