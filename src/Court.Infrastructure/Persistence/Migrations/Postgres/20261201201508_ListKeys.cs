using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Court.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ListKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "id",
                table: "documents",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.CreateTable(
                name: "document_keys",
                columns: table => new
                {
                    collection = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    value = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    partition = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_document_keys", x => new { x.collection, x.id, x.name });
                });

            migrationBuilder.CreateIndex(
                name: "ix_document_keys_partition_sort",
                table: "document_keys",
                columns: new[] { "collection", "name", "partition", "value", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_document_keys_sort",
                table: "document_keys",
                columns: new[] { "collection", "name", "value", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "document_keys");

            migrationBuilder.AlterColumn<string>(
                name: "id",
                table: "documents",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldCollation: "C");
        }
    }
}
